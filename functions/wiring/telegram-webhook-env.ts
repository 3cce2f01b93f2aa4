import { ConfigurationError, positiveIntEnv, requiredEnv } from './env-vars';
import {
  type IntakeSettings,
  intakeEnvironment,
  readIntakeSettings,
  readRepliesLimit,
  type WithContactCenterInput,
} from './shared-env';

/**
 * The telegram-webhook Lambda's settings (functions/handlers/telegram-webhook.ts): the intake's and
 * its own. The CDK app writes them with telegramWebhookEnvironment() and the handler reads them once
 * at cold start with readTelegramWebhookSettings(), so both sides name the same variables.
 */
export interface TelegramWebhookSettings extends IntakeSettings {
  /** Secrets Manager id of the secret holding the bot token (sendMessage). */
  readonly botTokenSecret: string;
  /** Secrets Manager id of the secret holding the webhook's secret_token (setWebhook). */
  readonly webhookSecret: string;
  /** Answers one sender gets per hour; past it messages are recorded without one. */
  readonly repliesPerSenderPerHour: number;
  /** Another Bot API base than https://api.telegram.org (tests only). */
  readonly apiBase?: string | undefined;
  /** How long one Bot API call may take, in milliseconds. */
  readonly timeoutMs: number;
}

const VARS = {
  botTokenSecret: 'TELEGRAM_BOT_TOKEN_SECRET',
  webhookSecret: 'TELEGRAM_WEBHOOK_TOKEN_SECRET',
  apiBase: 'TELEGRAM_API_BASE',
  timeoutMs: 'TELEGRAM_API_TIMEOUT_MS',
} as const;

// Telegram waits for the webhook's answer; the send happens inside it, so it must end well before.
const DEFAULT_TIMEOUT_MS = 8_000;

/** The environment of the telegram-webhook Lambda. */
export function telegramWebhookEnvironment(
  settings: WithContactCenterInput<
    IntakeSettings &
      Pick<TelegramWebhookSettings, 'botTokenSecret' | 'webhookSecret'> &
      Partial<Pick<TelegramWebhookSettings, 'timeoutMs'>>
  >,
): Record<string, string> {
  return {
    ...intakeEnvironment(settings),
    [VARS.botTokenSecret]: settings.botTokenSecret,
    [VARS.webhookSecret]: settings.webhookSecret,
    ...(settings.timeoutMs ? { [VARS.timeoutMs]: String(settings.timeoutMs) } : {}),
  };
}

/** Reads and checks the telegram-webhook Lambda's settings; a missing or malformed one fails the cold start. */
export function readTelegramWebhookSettings(env: NodeJS.ProcessEnv = process.env): TelegramWebhookSettings {
  const apiBase = env[VARS.apiBase]?.trim() || undefined;
  if (apiBase && !URL.canParse(apiBase))
    throw new ConfigurationError(`${VARS.apiBase}: expected a URL, got "${apiBase}"`);
  return {
    ...readIntakeSettings(env),
    botTokenSecret: requiredEnv(VARS.botTokenSecret, env),
    webhookSecret: requiredEnv(VARS.webhookSecret, env),
    repliesPerSenderPerHour: readRepliesLimit(env),
    apiBase,
    timeoutMs: positiveIntEnv(VARS.timeoutMs, DEFAULT_TIMEOUT_MS, env),
  };
}
