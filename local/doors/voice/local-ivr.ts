import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DynamoContactCenter } from '../../../functions/adapters/local/dynamodb-contact-center';
import type { HandOffStore } from '../../../functions/domain/intake/hand-off';
import { handOff } from '../../../functions/domain/intake/hand-off';
import type { IntakeDeps } from '../../../functions/domain/intake/intake';
import type { CallQueue, IvrDeps, VoicePlatform } from '../../../functions/domain/ivr';
import { keypadClassifier } from '../../../functions/domain/ivr/keypad-classifier';
import type { PhoneLines } from '../../../functions/domain/ivr/phone-lines';
import { loadPhoneLines } from '../../../functions/domain/ivr/phone-lines-schema';
import type { Deliver } from '../../../functions/domain/outbound/deliver';
import type { ConnectIvrDeps } from '../../../functions/handlers/voice/connect-answer';
import { localQueueArns } from './connect-local';

const DEFAULT_LINES = join(dirname(fileURLToPath(import.meta.url)), '../../../policy/phone-lines.json');

/** The phone lines next to the routing policy file, else the repository's. */
export function readPhoneLines(policyFile?: string): PhoneLines {
  const beside = policyFile ? join(dirname(policyFile), 'phone-lines.json') : undefined;
  const file = beside && existsSync(beside) ? beside : DEFAULT_LINES;
  return loadPhoneLines(JSON.parse(readFileSync(file, 'utf8')));
}

/** Calls wait in the local runtime's waiting lists, where GET /api/queues shows them. */
export function localCallQueue(center: DynamoContactCenter, cases: HandOffStore): CallQueue {
  return {
    enqueue: async (record) => {
      await handOff(center, cases, record);
    },
    position: async (queue, contactId) => {
      const index = (await center.listQueue(queue)).findIndex((h) => h.contactId === contactId);
      return index >= 0 ? index + 1 : undefined;
    },
  };
}

/**
 * The IVR's dependencies in the local runtime (and the tests): the real intake, local queues. The
 * Connect IVR gets the keypad classifier its Lambda deploys with (its flows collect keys only).
 */
export function localIvrDeps(
  intake: IntakeDeps,
  center: DynamoContactCenter,
  lines: PhoneLines,
  platform: VoicePlatform,
  deliver: Deliver,
): ConnectIvrDeps & IvrDeps {
  return {
    intake: platform === 'connect' ? { ...intake, classifier: keypadClassifier } : intake,
    deliver,
    lines,
    platform,
    callQueue: localCallQueue(center, intake.cases),
    queueArns: localQueueArns(intake.policy),
  };
}
