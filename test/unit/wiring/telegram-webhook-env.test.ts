import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../functions/wiring/env-vars';
import {
  readTelegramWebhookSettings,
  telegramWebhookEnvironment,
} from '../../../functions/wiring/telegram-webhook-env';

const QUEUES = { 'en-team': { id: 'q-en', arn: 'arn:aws:connect:eu-west-1:1:instance/i-1/queue/q-en' } };
const INTAKE = {
  tableName: 'contacts',
  connect: { instanceId: 'i-1', taskFlowId: 'flow-1', queuesJson: JSON.stringify(QUEUES) },
  pinPepperSecret: 'arn:aws:secretsmanager:eu-west-1:1:secret:pepper',
};

describe('the telegram-webhook Lambda’s environment contract', () => {
  it('reads back what the CDK app writes, with the defaults', () => {
    const env = telegramWebhookEnvironment({ ...INTAKE, botTokenSecret: 'bot', webhookSecret: 'hook' });
    expect(readTelegramWebhookSettings(env)).toEqual({
      tableName: 'contacts',
      connect: { instanceId: 'i-1', taskFlowId: 'flow-1', queues: QUEUES },
      pinPepperSecret: INTAKE.pinPepperSecret,
      botTokenSecret: 'bot',
      webhookSecret: 'hook',
      repliesPerSenderPerHour: 5,
      apiBase: undefined,
      timeoutMs: 8000,
    });
  });

  it('fails the cold start naming a missing secret or a malformed setting', () => {
    const env = telegramWebhookEnvironment({ ...INTAKE, botTokenSecret: 'bot', webhookSecret: 'hook' });
    const { TELEGRAM_WEBHOOK_TOKEN_SECRET: _, ...withoutHook } = env;
    expect(() => readTelegramWebhookSettings(withoutHook)).toThrow(
      new ConfigurationError('environment variable TELEGRAM_WEBHOOK_TOKEN_SECRET is not set'),
    );
    expect(() => readTelegramWebhookSettings({ ...env, TELEGRAM_API_BASE: 'not a url' })).toThrow(
      /TELEGRAM_API_BASE: expected a URL/,
    );
    expect(() => readTelegramWebhookSettings({ ...env, TELEGRAM_API_TIMEOUT_MS: '0' })).toThrow(
      /TELEGRAM_API_TIMEOUT_MS must be a whole number above 0/,
    );
  });
});
