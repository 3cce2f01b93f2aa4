import { BookingSearchItems } from '../adapters/dynamodb/booking-search';
import { DynamoCaseStore } from '../adapters/dynamodb/case-store';
import { IncidentItems } from '../adapters/dynamodb/incident-items';
import { TableClient } from '../adapters/dynamodb/table-client';
import { sendDueIncidentMessages } from '../domain/incidents/resolve';
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
 * start: the case tasks, the survey after a case the sweep resolved, the incident messages' beat (the
 * notices due at the policy's pace, resolutions a resolve left untold), and the replay of replies and
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
  const table = new TableClient(clients.dynamo, settings.tableName);
  const incidents = {
    store: new IncidentItems(table),
    bookings: new BookingSearchItems(table),
    deliver: guests.outbound.deliver,
    clock,
    perMinute: base.policy.incidents.notificationsPerMinute,
  };
  return {
    deps: {
      ...base,
      moveCase: surveyAfterResolving(base.moveCase, cases, guests.afterResolve),
      incidentMessages: (timeUp) => sendDueIncidentMessages(incidents, timeUp),
      replayUnsent: () => replayUnsent(guests.outbound, REPLAYED_PER_RUN),
    },
    settings: {
      staleMinutes: settings.staleMinutes,
      batch: settings.batch,
      budgetMs: settings.budgetSeconds * 1000,
    },
  };
}
