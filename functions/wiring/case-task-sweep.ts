import { DynamoCaseStore } from '../adapters/dynamodb/case-store';
import { replayUnsent } from '../domain/outbound/replay';
import type { SweepWiring } from '../handlers/case-task-sweep';
import type { CaseMetrics } from '../shared/case-metrics';
import { type CaseLambdaClients, defaultCaseLambdaClients } from './aws-clients';
import { readCaseTaskSweepSettings } from './case-task-sweep-env';
import { caseTaskDeps } from './case-tasks';
import { surveyAfterResolving, wireGuestOutbound } from './guest-outbound';

// Each unsent message may hold its send for the provider's whole timeout, 4 at a time: a few rounds
// fit in the run beside reconciliation and escalation; the rest go next minute.
const REPLAYED_PER_RUN = 12;

/**
 * The case-task-sweep Lambda's dependencies and run settings from its environment, built once at cold
 * start: the case tasks, the survey after a case the sweep resolved, and the replay of replies and
 * surveys whose send failed (Twilio or SES down), each sent once through deliver's ledger claim.
 */
export function wireCaseTaskSweep(
  metrics: CaseMetrics,
  env: NodeJS.ProcessEnv = process.env,
  clients: CaseLambdaClients = defaultCaseLambdaClients(),
): SweepWiring {
  const settings = readCaseTaskSweepSettings(env);
  const base = caseTaskDeps(settings, metrics, clients);
  const cases = new DynamoCaseStore(clients.dynamo, settings.tableName);
  const clock = { now: () => new Date() };
  const guests = wireGuestOutbound(settings, { cases, policy: base.policy, clock }, clients);
  return {
    deps: {
      ...base,
      moveCase: surveyAfterResolving(base.moveCase, cases, guests.afterResolve),
      replayUnsent: () => replayUnsent(guests.outbound, REPLAYED_PER_RUN),
    },
    settings: {
      staleMinutes: settings.staleMinutes,
      batch: settings.batch,
      budgetMs: settings.budgetSeconds * 1000,
    },
  };
}
