import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../functions/shared/env';
import {
  readTelegramWebhookSettings,
  telegramWebhookEnvironment,
} from '../../../functions/wiring/telegram-webhook-env';

describe('the telegram-webhook Lambda’s environment contract', () => {
  it('reads back what the CDK app writes, with the defaults', () => {
    const env = telegramWebhookEnvironment({ botTokenSecret: 'bot', webhookSecret: 'hook' });
    expect(readTelegramWebhookSettings(env)).toEqual({
      botTokenSecret: 'bot',
      webhookSecret: 'hook',
      repliesPerSenderPerHour: 5,
      apiBase: undefined,
      timeoutMs: 8000,
    });
  });

  it('fails the cold start naming a missing secret or a malformed setting', () => {
    expect(() => readTelegramWebhookSettings({ TELEGRAM_BOT_TOKEN_SECRET: 'bot' })).toThrow(
      new ConfigurationError('environment variable TELEGRAM_WEBHOOK_TOKEN_SECRET is not set'),
    );
    const env = telegramWebhookEnvironment({ botTokenSecret: 'bot', webhookSecret: 'hook' });
    expect(() => readTelegramWebhookSettings({ ...env, TELEGRAM_API_BASE: 'not a url' })).toThrow(
      /TELEGRAM_API_BASE: expected a URL/,
    );
    expect(() => readTelegramWebhookSettings({ ...env, TELEGRAM_API_TIMEOUT_MS: '0' })).toThrow(
      /TELEGRAM_API_TIMEOUT_MS must be a whole number above 0/,
    );
  });
});
