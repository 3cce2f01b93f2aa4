import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TelegramMessenger } from '../functions/adapters/telegram/bot-api-messenger';
import { ConfigError } from './config';
import { localSecret } from './local-secret';

const SECRET_FILE = 'telegram-webhook-secret';

/**
 * The secret_token the local Telegram door checks: TELEGRAM_WEBHOOK_SECRET when set (the one given to
 * setWebhook when a real bot points at this machine through a tunnel), otherwise a random one made once
 * and kept in the data folder (one per process for a memory data dir), readable by this user only.
 */
export function localTelegramWebhookSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return localSecret(dataDir, SECRET_FILE, env.TELEGRAM_WEBHOOK_SECRET);
}

/** Where a data folder keeps its generated Telegram webhook secret. */
export function telegramSecretFile(dataDir: string): string {
  return join(dataDir, SECRET_FILE);
}

/** The secret a CLI sends for a runtime using `dataDir`: TELEGRAM_WEBHOOK_SECRET, else the runtime's file. */
export function readTelegramWebhookSecret(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const given = env.TELEGRAM_WEBHOOK_SECRET?.trim();
  if (given) return given;
  if (dataDir === 'memory') return undefined;
  try {
    return readFileSync(telegramSecretFile(dataDir), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Bot API messenger of the local runtime, or undefined when no bot is configured (Telegram answers
 * then stay in the outbox). TELEGRAM_BOT_TOKEN turns it on; TELEGRAM_API_BASE names a stand-in for
 * https://api.telegram.org (the tests' local server).
 */
export function localTelegramMessenger(env: NodeJS.ProcessEnv = process.env): TelegramMessenger | undefined {
  const token = env.TELEGRAM_BOT_TOKEN?.trim();
  if (!token) return undefined;
  const apiBase = env.TELEGRAM_API_BASE?.trim() || undefined;
  if (apiBase && !URL.canParse(apiBase))
    throw new ConfigError(`TELEGRAM_API_BASE: expected a URL, got "${apiBase}"`);
  return new TelegramMessenger({ botToken: async () => token, apiBase });
}
