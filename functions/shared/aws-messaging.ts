import { TravelClassifier } from '../domain/classify/travel-classifier';
import type { MessagingDoorDeps, MessagingLogEntry } from '../handlers/messaging/answer-message';
import { awsIntakeDeps } from './aws-intake';
import { awsSecret } from './aws-secrets';
import { requiredEnv } from './env';
import { repliesPerSenderPerHour } from './messaging-settings';

/** The messaging door's dependencies in AWS: the intake's, plus the auth token from Secrets Manager. */
export function awsMessagingDeps(
  env: NodeJS.ProcessEnv,
  log: (entry: MessagingLogEntry) => void,
): MessagingDoorDeps {
  const intake = awsIntakeDeps(env, new TravelClassifier());
  return {
    intake,
    replies: intake.cases,
    repliesPerSenderPerHour: repliesPerSenderPerHour(env),
    authToken: awsSecret(requiredEnv('TWILIO_AUTH_TOKEN_SECRET', env)),
    publicOrigin: env.PUBLIC_ORIGIN || undefined,
    log,
  };
}
