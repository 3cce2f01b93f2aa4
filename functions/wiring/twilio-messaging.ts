import { TravelClassifier } from '../domain/classify/travel-classifier';
import type { MessagingDoorDeps } from '../handlers/messaging/answer-message';
import { awsSecret } from '../shared/aws-secrets';
import { logger } from '../shared/logger';
import { doorOutbound, intakeDeps, type MessengerMap } from './intake';
import { readTwilioMessagingSettings, type TwilioMessagingSettings } from './twilio-messaging-env';

/**
 * The messaging door's dependencies from its settings: the intake's, deliver over the outbound ledger,
 * the auth token from Secrets Manager. The door answers in its TwiML (inline); `messengers` are what
 * deliver sends anything else through (the Twilio REST and SES messengers, wired from their own
 * contract by whoever builds them): without one for a channel, deliver refuses to send on it.
 */
export function twilioMessagingDeps(
  settings: TwilioMessagingSettings,
  messengers: MessengerMap = {},
): MessagingDoorDeps {
  const intake = intakeDeps(settings, new TravelClassifier());
  const outbound = doorOutbound(intake, settings.tableName, settings.repliesPerSenderPerHour, messengers);
  return {
    intake,
    deliver: outbound.deliver,
    guests: outbound.guests,
    authToken: awsSecret(settings.webhook.authTokenSecret),
    publicOrigin: settings.webhook.publicOrigin,
    log: (entry) => logger.info('twilio message', { ...entry }),
  };
}

/** The twilio-messaging Lambda's dependencies from its environment, built once at cold start. */
export function wireTwilioMessaging(
  env: NodeJS.ProcessEnv = process.env,
  messengers: MessengerMap = {},
): MessagingDoorDeps {
  return twilioMessagingDeps(readTwilioMessagingSettings(env), messengers);
}
