import { TravelClassifier } from '../domain/classify/travel-classifier';
import { messengerByChannel } from '../domain/outbound/by-channel';
import type { MessagingDoorDeps, MessagingLogEntry } from '../handlers/messaging/answer-message';
import { documentClient } from './aws-hand-off';
import { awsIntakeDeps } from './aws-intake';
import { awsSecret } from './aws-secrets';
import { requiredEnv } from './env';
import { repliesPerSenderPerHour } from './messaging-settings';
import { automaticPerHour, outboundParts } from './outbound';

/** The messaging door's dependencies in AWS: the intake's, deliver, and the auth token from Secrets Manager. */
export function awsMessagingDeps(
  env: NodeJS.ProcessEnv,
  log: (entry: MessagingLogEntry) => void,
): MessagingDoorDeps {
  const intake = awsIntakeDeps(env, new TravelClassifier());
  const limit = repliesPerSenderPerHour(env);
  // The door answers in its TwiML (inline): it sends nothing through a Messenger itself.
  const outbound = outboundParts(documentClient(), requiredEnv('TABLE_NAME', env), {
    messenger: messengerByChannel({}),
    cases: intake.cases,
    clock: intake.clock,
    perAddressPerHour: automaticPerHour({ messaging: limit, email: limit }),
  });
  return {
    intake,
    deliver: outbound.deliver,
    guests: outbound.guests,
    authToken: awsSecret(requiredEnv('TWILIO_AUTH_TOKEN_SECRET', env)),
    publicOrigin: env.PUBLIC_ORIGIN || undefined,
    log,
  };
}
