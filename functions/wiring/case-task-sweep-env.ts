import { positiveIntEnv } from './env-vars';
import { type GuestOutboundSettings, readGuestOutboundSettings } from './guest-outbound-env';
import {
  type ContactCenterSettings,
  contactCenterEnvironment,
  readContactCenterSettings,
  type WithContactCenterInput,
} from './shared-env';

const VARS = {
  staleMinutes: 'TASK_STALE_MINUTES',
  batch: 'TASK_SWEEP_BATCH',
  budgetSeconds: 'TASK_SWEEP_BUDGET_SECONDS',
} as const;

/** The defaults: a task state is trusted 30 minutes, 200 tasks a page, 40 s of reading inside the 50 s timeout. */
export const CASE_TASK_SWEEP_DEFAULTS = { staleMinutes: 30, batch: 200, budgetSeconds: 40 } as const;

/**
 * The case-task-sweep Lambda's settings (functions/handlers/case-task-sweep.ts). Its guest outbound part
 * (the survey of a case it resolved, failed sends sent again) is written by stacks/guest-messages.ts.
 */
export interface CaseTaskSweepSettings extends ContactCenterSettings, GuestOutboundSettings {
  /** How long a task state no event confirmed is trusted before DescribeContact reconciles it. */
  readonly staleMinutes: number;
  /** Tasks per page. */
  readonly batch: number;
  /** How long one run goes on reading new pages. */
  readonly budgetSeconds: number;
}

/** What the CDK app gives: the tunables may be left to their defaults. */
export type CaseTaskSweepInput = WithContactCenterInput<ContactCenterSettings> &
  Partial<Pick<CaseTaskSweepSettings, keyof typeof VARS>>;

/** The environment of the case-task-sweep Lambda. */
export function caseTaskSweepEnvironment(input: CaseTaskSweepInput): Record<string, string> {
  const out = contactCenterEnvironment(input);
  for (const key of Object.keys(VARS) as (keyof typeof VARS)[]) {
    const value = input[key];
    if (value !== undefined) out[VARS[key]] = String(value);
  }
  return out;
}

/** Reads and checks the case-task-sweep Lambda's settings; a malformed one fails the cold start. */
export function readCaseTaskSweepSettings(env: NodeJS.ProcessEnv = process.env): CaseTaskSweepSettings {
  const d = CASE_TASK_SWEEP_DEFAULTS;
  return {
    ...readContactCenterSettings(env),
    staleMinutes: positiveIntEnv(VARS.staleMinutes, d.staleMinutes, env),
    batch: positiveIntEnv(VARS.batch, d.batch, env),
    budgetSeconds: positiveIntEnv(VARS.budgetSeconds, d.budgetSeconds, env),
    ...readGuestOutboundSettings(env),
  };
}
