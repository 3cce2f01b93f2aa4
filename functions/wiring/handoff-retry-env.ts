import { positiveIntEnv } from './env-vars';
import {
  type ContactCenterSettings,
  contactCenterEnvironment,
  readContactCenterSettings,
  type WithContactCenterInput,
} from './shared-env';

const BATCH_VAR = 'HANDOFF_RETRY_BATCH';

/** Default of HandoffRetrySettings.batch. */
export const HANDOFF_RETRY_BATCH = 100;

/** The handoff-retry Lambda's settings (functions/handlers/handoff-retry.ts). */
export interface HandoffRetrySettings extends ContactCenterSettings {
  /** How many pending hand-offs one run retries at most. */
  readonly batch: number;
}

/** What the CDK app gives: the batch may be left to its default. */
export type HandoffRetryInput = WithContactCenterInput<ContactCenterSettings> & { readonly batch?: number };

/** The environment of the handoff-retry Lambda. */
export function handoffRetryEnvironment(input: HandoffRetryInput): Record<string, string> {
  return {
    ...contactCenterEnvironment(input),
    ...(input.batch === undefined ? {} : { [BATCH_VAR]: String(input.batch) }),
  };
}

/** Reads and checks the handoff-retry Lambda's settings; a missing or malformed one fails the cold start. */
export function readHandoffRetrySettings(env: NodeJS.ProcessEnv = process.env): HandoffRetrySettings {
  return { ...readContactCenterSettings(env), batch: positiveIntEnv(BATCH_VAR, HANDOFF_RETRY_BATCH, env) };
}
