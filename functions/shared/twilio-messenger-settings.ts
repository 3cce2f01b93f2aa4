import type { TwilioMessengerSettings } from '../adapters/twilio/twilio-messenger';
import { parseWhatsAppTemplates } from '../adapters/twilio/whatsapp-templates-config';
import type { WhatsAppTemplates } from '../domain/outbound/whatsapp-templates';
import { ConfigurationError } from '../wiring/env-vars';

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The environment contract of whatever sends through Twilio (a Lambda, the local runtime): the names
 * the CDK app writes and the handlers read, so they cannot drift apart.
 */
export const TWILIO_MESSENGER_ENV = {
  accountSid: 'TWILIO_ACCOUNT_SID',
  smsFrom: 'TWILIO_SMS_FROM',
  whatsAppFrom: 'TWILIO_WHATSAPP_FROM',
  statusCallbackUrl: 'TWILIO_STATUS_CALLBACK_URL',
  templates: 'WHATSAPP_TEMPLATES',
  apiBase: 'TWILIO_API_BASE',
} as const;

/** The deploy config's Twilio sending settings, as the CDK app hands them to a sending Lambda. */
export function twilioMessengerEnvironment(config: {
  readonly accountSid?: string | undefined;
  readonly smsFrom?: string | undefined;
  readonly whatsAppFrom?: string | undefined;
  readonly whatsAppTemplates?: WhatsAppTemplates | undefined;
  readonly statusCallbackUrl?: string | undefined;
}): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (name: string, value: string | undefined) => {
    if (value) out[name] = value;
  };
  put(TWILIO_MESSENGER_ENV.accountSid, config.accountSid);
  put(TWILIO_MESSENGER_ENV.smsFrom, config.smsFrom);
  put(TWILIO_MESSENGER_ENV.whatsAppFrom, config.whatsAppFrom);
  put(TWILIO_MESSENGER_ENV.statusCallbackUrl, config.statusCallbackUrl);
  put(TWILIO_MESSENGER_ENV.templates, JSON.stringify(config.whatsAppTemplates ?? {}));
  return out;
}

/**
 * The Twilio messenger's settings from the environment, or undefined when no account is configured
 * (TWILIO_ACCOUNT_SID unset: SMS and WhatsApp are not sent through Twilio). Anything set but malformed
 * fails loudly at start, naming the variable.
 */
export function twilioMessengerSettings(
  env: NodeJS.ProcessEnv,
  authToken: () => Promise<string>,
  defaults: { readonly statusCallbackUrl?: string | undefined } = {},
): TwilioMessengerSettings | undefined {
  const names = TWILIO_MESSENGER_ENV;
  const read = (name: string) => env[name]?.trim() || undefined;
  const accountSid = read(names.accountSid);
  if (!accountSid) return undefined;
  if (!ACCOUNT_SID.test(accountSid))
    throw new ConfigurationError(`${names.accountSid}: expected AC and 32 hex digits`);
  const number = (name: string) => {
    const value = read(name);
    if (value && !E164.test(value))
      throw new ConfigurationError(`${name}: expected an E.164 number, e.g. +33757000000`);
    return value;
  };
  const url = (name: string, fallback?: string) => {
    const value = read(name) ?? fallback;
    if (value && !URL.canParse(value))
      throw new ConfigurationError(`${name}: expected a URL, got "${value}"`);
    return value;
  };
  let templates: WhatsAppTemplates;
  try {
    templates = parseWhatsAppTemplates(env[names.templates], names.templates);
  } catch (error) {
    throw new ConfigurationError((error as Error).message);
  }
  return {
    accountSid,
    authToken,
    smsFrom: number(names.smsFrom),
    whatsAppFrom: number(names.whatsAppFrom),
    statusCallbackUrl: url(names.statusCallbackUrl, defaults.statusCallbackUrl),
    templates,
    apiBase: url(names.apiBase),
  };
}
