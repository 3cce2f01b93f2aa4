import type { MoveCase, TaskEventDeps } from '../adapters/connect/task-event-sync';
import { DynamoCaseStore } from '../adapters/dynamodb/case-store';
import type { CaseMetrics } from '../shared/case-metrics';
import { logger } from '../shared/logger';
import { type CaseLambdaClients, defaultCaseLambdaClients } from './aws-clients';
import { caseTaskDeps } from './case-tasks';
import { readConnectEventsSettings } from './connect-events-env';
import { wireGuestOutbound } from './guest-outbound';

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
  const moveCase: MoveCase = async (caseNumber, action, who, at) => {
    const moved = await base.moveCase(caseNumber, action, who, at);
    if (!moved.ok || action.type !== 'resolve') return moved;
    const kase = await cases.getCase(caseNumber);
    if (kase) {
      // Where and how, never to whom: the address is the guest's.
      const survey = await afterResolve(kase);
      logger.info('survey after resolve', {
        caseNumber,
        sent: survey.sent,
        ...(survey.sent ? { channel: survey.channel, delivery: survey.delivery } : {}),
        reason: survey.reason,
      });
    }
    return moved;
  };
  return { ...base, moveCase };
}
