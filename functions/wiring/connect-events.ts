import type { TaskEventDeps } from '../adapters/connect/task-event-sync';
import { DynamoCaseStore } from '../adapters/dynamodb/case-store';
import type { CaseMetrics } from '../shared/case-metrics';
import { type CaseLambdaClients, defaultCaseLambdaClients } from './aws-clients';
import { caseTaskDeps } from './case-tasks';
import { readConnectEventsSettings } from './connect-events-env';
import { surveyAfterResolving, wireGuestOutbound } from './guest-outbound';

/**
 * Following Connect's contact events in AWS, from the Lambda's environment (read once, at cold start):
 * the case tasks and lifecycle (case-tasks.ts), and after a task's end resolved its case,
 * the satisfaction survey (at most one per resolution: a redelivered event moves nothing and sends
 * nothing). The survey never fails the event: the case is resolved either way.
 */
export function wireConnectEvents(
  env: NodeJS.ProcessEnv,
  metrics: CaseMetrics,
  clients: CaseLambdaClients = defaultCaseLambdaClients(),
): TaskEventDeps {
  const settings = readConnectEventsSettings(env);
  const base = caseTaskDeps(settings, metrics, clients);
  const cases = new DynamoCaseStore(clients.dynamo, settings.tableName);
  const clock = { now: () => new Date() };
  const { afterResolve } = wireGuestOutbound(settings, { cases, policy: base.policy, clock }, clients);
  const moveCase = surveyAfterResolving(base.moveCase, cases, afterResolve);
  return { ...base, moveCase };
}
