import { TwilioMessenger } from '../functions/adapters/twilio/twilio-messenger';
import { parseWhatsAppTemplates } from '../functions/adapters/twilio/whatsapp-templates-config';
import type { WhatsAppTemplates } from '../functions/domain/outbound/whatsapp-templates';
import { twilioMessengerSettings } from '../functions/shared/twilio-messenger-settings';
import { ConfigurationError } from '../functions/wiring/env-vars';
import { ConfigError } from './config';

/**
 * The Twilio messenger of the local runtime, or undefined when no Twilio account is configured (SMS
 * and WhatsApp then stay in the outbox). TWILIO_ACCOUNT_SID turns it on, with TWILIO_AUTH_TOKEN (the
 * account's token: it authenticates REST calls as it signs the webhooks), the senders and templates of
 * the shared contract (functions/shared/twilio-messenger-settings.ts) and optionally TWILIO_API_BASE.
 * Status callbacks go to PUBLIC_ORIGIN/twilio/status unless TWILIO_STATUS_CALLBACK_URL says otherwise.
 */
export function localTwilioMessenger(env: NodeJS.ProcessEnv = process.env): TwilioMessenger | undefined {
  const token = env.TWILIO_AUTH_TOKEN?.trim();
  if (env.TWILIO_ACCOUNT_SID?.trim() && !token)
    throw new ConfigError(
      'TWILIO_ACCOUNT_SID is set but TWILIO_AUTH_TOKEN is not: sending through Twilio needs the account’s auth token',
    );
  const origin = env.PUBLIC_ORIGIN?.trim().replace(/\/$/, '');
  try {
    const settings = twilioMessengerSettings(env, async () => token ?? '', {
      statusCallbackUrl: origin ? `${origin}/twilio/status` : undefined,
    });
    return settings && new TwilioMessenger(settings);
  } catch (error) {
    // Start-up stops with the one line naming the variable, as for the runtime's own settings.
    if (error instanceof ConfigurationError) throw new ConfigError(error.message);
    throw error;
  }
}

/**
 * The approved WhatsApp templates (WHATSAPP_TEMPLATES, JSON: purpose → language → Content SID), none
 * when unset: then a WhatsApp message outside the 24-hour window is refused, saying which key is missing.
 */
export function localWhatsAppTemplates(env: NodeJS.ProcessEnv = process.env): WhatsAppTemplates {
  try {
    return parseWhatsAppTemplates(env.WHATSAPP_TEMPLATES, 'WHATSAPP_TEMPLATES');
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}
