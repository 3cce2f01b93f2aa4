import type { SESClient } from '@aws-sdk/client-ses';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EMAIL_DEFAULTS } from '../adapters/email/email-settings';
import { hmacSigner } from '../adapters/email/hmac-signer';
import { SesMailer } from '../adapters/email/ses-mailer';
import { TelegramMessenger } from '../adapters/telegram/bot-api-messenger';
import { TwilioMessenger, type TwilioMessengerSettings } from '../adapters/twilio/twilio-messenger';
import type { Channel } from '../domain/contact';
import { EmailMessenger, type EmailMessengerDeps } from '../domain/email/email-messenger';
import { messengerByChannel } from '../domain/outbound/by-channel';
import type { Messenger } from '../domain/outbound/messenger';
import type { WhatsAppTemplates } from '../domain/outbound/whatsapp-templates';
import type { CaseStore, Clock } from '../domain/ports';
import { repliesPerSenderPerHour } from '../shared/messaging-settings';
import { automaticPerHour, lastWhatsAppInbound, type OutboundParts, outboundParts } from '../shared/outbound';
import {
  TWILIO_MESSENGER_ENV,
  twilioMessengerEnvironment,
  twilioMessengerSettings,
} from '../shared/twilio-messenger-settings';
import { ConfigurationError, optionalUrlEnv, positiveIntEnv, requiredEnv } from './env-vars';

/**
 * How a Lambda that sends to guests reaches them: SMS and WhatsApp through Twilio's Messages API (the
 * auth token in Secrets Manager), email through SES from our address (the reply-reference key in
 * Secrets Manager), and the hourly limits of automatic messages. A channel without its part refuses
 * its messages, saying so (messengerByChannel).
 */
export interface MessengerSettings {
  readonly twilio?:
    | (Omit<TwilioMessengerSettings, 'authToken' | 'templates'> & {
        /** Secrets Manager id of the secret holding the account's auth token. */
        readonly authTokenSecret: string;
      })
    | undefined;
  /** purpose → language → approved WhatsApp template (outside the 24-hour window). */
  readonly whatsAppTemplates: WhatsAppTemplates;
  readonly email?:
    | {
        /** Our address on the SES identity; the case's reply address is derived from it. */
        readonly fromAddress: string;
        readonly fromName?: string | undefined;
        readonly configurationSet?: string | undefined;
        /** Secrets Manager id of the key signing the case's reply address and body marker. */
        readonly replySigningSecret: string;
      }
    | undefined;
  /** Telegram's Bot API (sendMessage), with the bot's token in Secrets Manager; only with a bot deployed. */
  readonly telegram?:
    | {
        readonly botTokenSecret: string;
        /** Another Bot API base than https://api.telegram.org (tests only). */
        readonly apiBase?: string | undefined;
      }
    | undefined;
  readonly perHour: { readonly messaging: number; readonly email: number };
}

const VARS = {
  ...TWILIO_MESSENGER_ENV,
  authTokenSecret: 'TWILIO_AUTH_TOKEN_SECRET',
  emailFrom: 'EMAIL_FROM',
  emailFromName: 'EMAIL_FROM_NAME',
  configurationSet: 'SES_CONFIGURATION_SET',
  replySigningSecret: 'REPLY_SIGNING_SECRET',
  emailPerHour: 'EMAIL_ACKS_PER_SENDER_PER_HOUR',
  // The same names as the Telegram door's (telegram-webhook-env.ts).
  telegramBotTokenSecret: 'TELEGRAM_BOT_TOKEN_SECRET',
  telegramApiBase: 'TELEGRAM_API_BASE',
} as const;

/** What the CDK app knows of the messengers (deploy config, secrets, the status callback's URL). */
export interface MessengerEnvironmentInput {
  readonly twilio?: Parameters<typeof twilioMessengerEnvironment>[0] & { readonly authTokenSecret: string };
  readonly email?: Omit<NonNullable<MessengerSettings['email']>, 'configurationSet'>;
  readonly telegram?: { readonly botTokenSecret: string };
}

/** The environment variables of the messengers, as the CDK app writes them. */
export function messengerEnvironment(input: MessengerEnvironmentInput): Record<string, string> {
  const out: Record<string, string> = {
    [VARS.templates]: JSON.stringify(input.twilio?.whatsAppTemplates ?? {}),
  };
  if (input.twilio?.accountSid)
    Object.assign(out, twilioMessengerEnvironment(input.twilio), {
      [VARS.authTokenSecret]: input.twilio.authTokenSecret,
    });
  if (input.email) {
    out[VARS.emailFrom] = input.email.fromAddress;
    out[VARS.replySigningSecret] = input.email.replySigningSecret;
    if (input.email.fromName) out[VARS.emailFromName] = input.email.fromName;
  }
  if (input.telegram) out[VARS.telegramBotTokenSecret] = input.telegram.botTokenSecret;
  return out;
}

// The settings carry the secret's id; the token itself is read when a message goes out (wireMessengers).
const tokenNotWired = () =>
  Promise.reject(new ConfigurationError('the Twilio auth token is read by wireMessengers'));

/** Reads and checks the messengers' settings once, at cold start; a malformed one fails it, naming the variable. */
export function readMessengerSettings(env: NodeJS.ProcessEnv): MessengerSettings {
  const twilio = twilioMessengerSettings(env, tokenNotWired);
  let sending: MessengerSettings['twilio'];
  if (twilio) {
    const { authToken: _token, templates: _templates, ...rest } = twilio;
    sending = { ...rest, authTokenSecret: requiredEnv(VARS.authTokenSecret, env) };
  }
  const botTokenSecret = env[VARS.telegramBotTokenSecret]?.trim();
  const from = env[VARS.emailFrom]?.trim();
  if (from && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(from))
    throw new ConfigurationError(`${VARS.emailFrom} must be an email address, got "${from}"`);
  return {
    twilio: sending,
    whatsAppTemplates: twilio?.templates ?? {},
    email: from
      ? {
          fromAddress: from.toLowerCase(),
          fromName: env[VARS.emailFromName]?.trim() || undefined,
          configurationSet: env[VARS.configurationSet]?.trim() || undefined,
          replySigningSecret: requiredEnv(VARS.replySigningSecret, env),
        }
      : undefined,
    telegram: botTokenSecret
      ? { botTokenSecret, apiBase: optionalUrlEnv(VARS.telegramApiBase, env) }
      : undefined,
    perHour: {
      messaging: repliesPerSenderPerHour(env),
      email: positiveIntEnv(VARS.emailPerHour, EMAIL_DEFAULTS.perSenderPerHour, env),
    },
  };
}

/** The SDK clients and stores the messengers use (tests point them at stand-ins). */
export interface MessengerClients {
  readonly ses: SESClient;
  /** A cached reader of a Secrets Manager secret (shared/aws-secrets.ts). */
  readonly secret: (secretId: string) => () => Promise<string>;
  /** Remembers our mail's Message-IDs, so the guest's answer threads to its case. */
  readonly remember: EmailMessengerDeps['remember'];
}

/** One Messenger over the configured channels: Twilio for SMS and WhatsApp, SES for email, the Bot API for Telegram. */
export function wireMessengers(settings: MessengerSettings, clients: MessengerClients): Messenger {
  const messengers: Partial<Record<Channel, Messenger>> = {};
  if (settings.twilio) {
    const { authTokenSecret, ...twilio } = settings.twilio;
    const sms = new TwilioMessenger({
      ...twilio,
      authToken: clients.secret(authTokenSecret),
      templates: settings.whatsAppTemplates,
    });
    messengers.sms = sms;
    messengers.whatsapp = sms;
  }
  const email = settings.email;
  if (email) {
    const mailer = new SesMailer(clients.ses, {
      from: email.fromName ? `${email.fromName} <${email.fromAddress}>` : email.fromAddress,
      configurationSet: email.configurationSet,
    });
    const key = clients.secret(email.replySigningSecret);
    // The key is read per mail (cached for minutes): a rotated key lands without a deploy.
    messengers.email = {
      send: async (message) =>
        new EmailMessenger({
          mailer,
          ourAddress: email.fromAddress,
          sign: hmacSigner(await key()),
          remember: clients.remember,
        }).send(message),
    };
  }
  if (settings.telegram)
    messengers.telegram = new TelegramMessenger({
      botToken: clients.secret(settings.telegram.botTokenSecret),
      apiBase: settings.telegram.apiBase,
    });
  return messengerByChannel(messengers);
}

/** The outbound ledger and deliver on the table, sending through the wired messengers under the settings' limits. */
export function wireOutbound(
  settings: MessengerSettings,
  messenger: Messenger,
  store: {
    readonly dynamo: DynamoDBDocumentClient;
    readonly tableName: string;
    readonly cases: Pick<CaseStore, 'appendToCase' | 'listContactsOfCase'>;
    readonly clock: Clock;
  },
): OutboundParts {
  return outboundParts(store.dynamo, store.tableName, {
    messenger,
    cases: store.cases,
    clock: store.clock,
    perAddressPerHour: automaticPerHour(settings.perHour),
    whatsApp: { templates: settings.whatsAppTemplates, lastInboundAt: lastWhatsAppInbound(store.cases) },
  });
}
