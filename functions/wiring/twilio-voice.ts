import { TravelClassifier } from '../domain/classify/travel-classifier';
import type { VoiceDoorDeps } from '../handlers/voice/twilio-answer';
import { awsSecret } from '../shared/aws-secrets';
import { logger } from '../shared/logger';
import { intakeDeps } from './intake';
import { readTwilioVoiceSettings } from './twilio-voice-env';
import { phoneLinesWith, voiceDeliver } from './voice';

/** The twilio-voice Lambda's dependencies from its environment, built once at cold start. */
export function wireTwilioVoice(env: NodeJS.ProcessEnv = process.env): VoiceDoorDeps {
  const settings = readTwilioVoiceSettings(env);
  const intake = intakeDeps(settings, new TravelClassifier());
  return {
    ivr: {
      intake,
      deliver: voiceDeliver(intake, settings),
      lines: phoneLinesWith(settings.loyaltyLines),
      platform: 'twilio',
    },
    authToken: awsSecret(settings.webhook.authTokenSecret),
    workflowSid: settings.workflowSid,
    publicOrigin: settings.webhook.publicOrigin,
    log: (entry) => logger.info('twilio voice', { ...entry }),
  };
}
