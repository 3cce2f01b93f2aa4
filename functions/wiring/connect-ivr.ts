import { keypadClassifier } from '../domain/ivr/keypad-classifier';
import type { ConnectIvrDeps } from '../handlers/voice/connect-answer';
import { readConnectIvrSettings } from './connect-ivr-env';
import { intakeDeps } from './intake';
import { phoneLinesWith, queueArnsOf, voiceDeliver } from './voice';

/** The connect-ivr Lambda's dependencies from its environment, built once at cold start. */
export function wireConnectIvr(env: NodeJS.ProcessEnv = process.env): ConnectIvrDeps {
  const settings = readConnectIvrSettings(env);
  // The flows collect keys only: no text model to load (domain/ivr/keypad-classifier.ts).
  const intake = intakeDeps(settings, keypadClassifier);
  return {
    intake,
    deliver: voiceDeliver(intake, settings),
    lines: phoneLinesWith(settings.loyaltyLines),
    platform: 'connect',
    queueArns: queueArnsOf(intake.policy, settings.connect.queues),
  };
}
