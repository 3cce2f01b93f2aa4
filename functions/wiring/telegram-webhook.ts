import { TelegramMessenger } from '../adapters/telegram/bot-api-messenger';
import { TravelClassifier } from '../domain/classify/travel-classifier';
import { messengerByChannel } from '../domain/outbound/by-channel';
import type { TelegramDoorDeps, TelegramLogEntry } from '../handlers/telegram/answer-update';
import { documentClient } from '../shared/aws-clients';
import { awsSecret } from '../shared/aws-secrets';
import { automaticPerHour, outboundParts } from '../shared/outbound';
import { intakeDeps } from './intake';
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
  const limit = settings.repliesPerSenderPerHour;
  const outbound = outboundParts(documentClient(), settings.tableName, {
    messenger: messengerByChannel({ telegram }),
    cases: intake.cases,
    clock: intake.clock,
    perAddressPerHour: automaticPerHour({ messaging: limit, email: limit }),
  });
  return {
    intake,
    deliver: outbound.deliver,
    guests: outbound.guests,
    webhookSecret: awsSecret(settings.webhookSecret),
    log,
  };
}
