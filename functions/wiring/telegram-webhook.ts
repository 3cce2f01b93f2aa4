import { TelegramMessenger } from '../adapters/telegram/bot-api-messenger';
import { TravelClassifier } from '../domain/classify/travel-classifier';
import type { TelegramDoorDeps, TelegramLogEntry } from '../handlers/telegram/answer-update';
import { awsSecret } from '../shared/aws-secrets';
import { doorOutbound, intakeDeps } from './intake';
import { readTelegramWebhookSettings } from './telegram-webhook-env';

/**
 * The Telegram door's dependencies in AWS: the intake's, deliver with the Bot API messenger (the
 * answer is sent with sendMessage, not in the webhook's response), and both secrets from Secrets Manager.
 */
export function wireTelegramWebhook(
  env: NodeJS.ProcessEnv,
  log: (entry: TelegramLogEntry) => void,
): TelegramDoorDeps {
  const settings = readTelegramWebhookSettings(env);
  const intake = intakeDeps(settings, new TravelClassifier());
  const telegram = new TelegramMessenger({
    botToken: awsSecret(settings.botTokenSecret),
    apiBase: settings.apiBase,
    timeoutMs: settings.timeoutMs,
  });
  const outbound = doorOutbound(intake, settings.tableName, settings.repliesPerSenderPerHour, { telegram });
  return {
    intake,
    deliver: outbound.deliver,
    guests: outbound.guests,
    webhookSecret: awsSecret(settings.webhookSecret),
    log,
  };
}
