import { ConnectClient } from '@aws-sdk/client-connect';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import defaultPolicy from '../../policy/routing-policy.json';
import { ConnectContactCenter } from '../adapters/connect/connect-contact-center';
import { QueuedTaskCases } from '../adapters/connect/queued-tasks';
import { BookingSearchItems } from '../adapters/dynamodb/booking-search';
import { DynamoCaseStore } from '../adapters/dynamodb/case-store';
import { CaseTaskItems } from '../adapters/dynamodb/case-task-items';
import { IncidentItems } from '../adapters/dynamodb/incident-items';
import { DynamoGuestAllowance } from '../adapters/dynamodb/outbound-guests';
import { DynamoOutboundLedger } from '../adapters/dynamodb/outbound-ledger';
import { TableClient } from '../adapters/dynamodb/table-client';
import type { AgentApiDeps } from '../handlers/agent/agent-routes';
import { documentClient } from './aws-hand-off';
import { bakedHolidayCalendar } from './baked-holidays';
import type { CaseMetrics } from './case-metrics';
import { type AgentApiSettings, readAgentApiSettings } from './env';
import { trustedRoutingPolicy } from './trusted-config';

/**
 * The agent actions in AWS on given clients (tests point them at dynalite and a mocked Connect): the
 * DynamoDB case store, Amazon Connect as the contact centre (a settled case's waiting task is
 * stopped), the waiting lists read from the Connect task bookkeeping, and no queue to take from:
 * Connect routes the tasks. Every accepted action is reported to `metrics`. Incidents are declared,
 * listed and resolved here; this Lambda has no Messenger, so `notify` is refused with a clear 400 and
 * resolving tells no guest (docs/incidents.md, "In AWS").
 */
export function agentApiDeps(
  settings: AgentApiSettings,
  metrics: Pick<CaseMetrics, 'moved'>,
  clients: { readonly dynamo: DynamoDBDocumentClient; readonly connect: ConnectClient },
): AgentApiDeps {
  const tasks = new CaseTaskItems(new TableClient(clients.dynamo, settings.tableName));
  const cases = new DynamoCaseStore(clients.dynamo, settings.tableName);
  const table = new TableClient(clients.dynamo, settings.tableName);
  const ledger = new DynamoOutboundLedger(
    clients.dynamo,
    settings.tableName,
    new DynamoGuestAllowance(clients.dynamo, settings.tableName),
  );
  return {
    cases,
    center: new ConnectContactCenter(clients.connect, settings.connect, tasks),
    policy: trustedRoutingPolicy(defaultPolicy, bakedHolidayCalendar()),
    waiting: new QueuedTaskCases(tasks, cases, settings.queueListLimit),
    clock: { now: () => new Date() },
    moved: (kase, at) => metrics.moved(kase, at),
    incidents: { store: new IncidentItems(table), bookings: new BookingSearchItems(table), ledger },
  };
}

/** The same from the Lambda's environment (read once, at cold start) and the default SDK clients. */
export function awsAgentApiDeps(env: NodeJS.ProcessEnv, metrics: Pick<CaseMetrics, 'moved'>): AgentApiDeps {
  return agentApiDeps(readAgentApiSettings(env), metrics, {
    dynamo: documentClient(),
    connect: new ConnectClient({}),
  });
}
