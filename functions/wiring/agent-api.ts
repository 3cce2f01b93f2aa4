import defaultPolicy from '../../policy/routing-policy.json';
import { ConnectContactCenter } from '../adapters/connect/connect-contact-center';
import { QueuedTaskCases } from '../adapters/connect/queued-tasks';
import { BookingSearchItems } from '../adapters/dynamodb/booking-search';
import { DynamoCaseStore } from '../adapters/dynamodb/case-store';
import { CaseTaskItems } from '../adapters/dynamodb/case-task-items';
import { IncidentItems } from '../adapters/dynamodb/incident-items';
import { TableClient } from '../adapters/dynamodb/table-client';
import type { AgentApiDeps } from '../handlers/agent/agent-routes';
import { bakedHolidayCalendar } from '../shared/baked-holidays';
import type { CaseMetrics } from '../shared/case-metrics';
import { trustedRoutingPolicy } from '../shared/trusted-config';
import { INCIDENT_SENDS_WITHIN_MS, readAgentApiSettings } from './agent-api-env';
import { type CaseLambdaClients, defaultCaseLambdaClients } from './aws-clients';
import { wireGuestOutbound } from './guest-outbound';

/**
 * The agent actions in AWS, from the Lambda's environment (read once, at cold start): the DynamoDB case
 * store, Amazon Connect as the contact centre (a settled case's waiting task is stopped, a call-back
 * starts a task), the waiting lists read from the Connect task bookkeeping, no queue to take from
 * (Connect routes the tasks), replies and surveys through Twilio and SES. Every accepted action is
 * reported to `metrics`. Incidents are declared, listed and resolved here through the same deliver: a
 * declaration sends the first minute's notices, a resolve tells the guests, each within a few seconds
 * of the request; the case-task sweep sends the rest (docs/incidents.md, "In AWS").
 */
export function wireAgentApi(
  env: NodeJS.ProcessEnv,
  metrics: Pick<CaseMetrics, 'moved'>,
  clients: CaseLambdaClients = defaultCaseLambdaClients(),
): AgentApiDeps {
  const settings = readAgentApiSettings(env);
  const table = new TableClient(clients.dynamo, settings.tableName);
  const tasks = new CaseTaskItems(table);
  const cases = new DynamoCaseStore(clients.dynamo, settings.tableName);
  const policy = trustedRoutingPolicy(defaultPolicy, bakedHolidayCalendar());
  const clock = { now: () => new Date() };
  const guests = wireGuestOutbound(settings, { cases, policy, clock }, clients);
  return {
    cases,
    center: new ConnectContactCenter(clients.connect, settings.connect, tasks),
    policy,
    bookings: guests.bookings,
    deliver: guests.outbound.deliver,
    deliveries: guests.outbound.ledger,
    afterResolve: guests.afterResolve,
    waiting: new QueuedTaskCases(tasks, cases, settings.queueListLimit),
    clock,
    moved: (kase, at) => metrics.moved(kase, at),
    incidents: {
      store: new IncidentItems(table),
      bookings: new BookingSearchItems(table),
      ledger: guests.outbound.ledger,
      sendBudgetMs: INCIDENT_SENDS_WITHIN_MS,
    },
  };
}
