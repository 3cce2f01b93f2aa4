import { ConnectClient } from '@aws-sdk/client-connect';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import defaultPolicy from '../../policy/routing-policy.json';
import { contactAttributesReader } from '../adapters/connect/contact-attributes';
import type { MoveCase, TaskEventDeps } from '../adapters/connect/task-event-sync';
import { CaseItems } from '../adapters/dynamodb/case-items';
import { CaseTaskItems } from '../adapters/dynamodb/case-task-items';
import { DynamoRetentionStore } from '../adapters/dynamodb/retention-items';
import { TableClient } from '../adapters/dynamodb/table-client';
import { applyCaseAction } from '../domain/cases/apply-action';
import type { RetentionStore } from '../domain/cases/retention';
import type { RoutingPolicy } from '../domain/routing/policy-schema';
import { documentClient } from '../shared/aws-clients';
import { bakedHolidayCalendar } from '../shared/baked-holidays';
import type { CaseMetrics } from '../shared/case-metrics';
import { trustedRoutingPolicy } from '../shared/trusted-config';
import { connectContactCenter } from './contact-center';
import type { ContactCenterSettings } from './shared-env';

/** What the Lambdas that move cases with their Connect tasks need (events, sweep, TaskRouter). */
export interface AwsCaseTaskDeps extends TaskEventDeps {
  readonly client: ConnectClient;
  readonly cases: CaseItems;
  readonly policy: RoutingPolicy;
  /** Closing settled cases and expiring their items (the sweep's hourly retention run). */
  readonly retention: RetentionStore;
}

/** The SDK clients the case tasks use (tests point them at dynalite and a mocked Connect). */
export interface CaseTaskClients {
  readonly dynamo: DynamoDBDocumentClient;
  readonly connect: ConnectClient;
}

/**
 * The case tasks, the case lifecycle (applyCaseAction, which withdraws a settled case's waiting task)
 * and Connect, from the contact-centre settings. Every case move is reported to `metrics`.
 */
export function caseTaskDeps(
  settings: ContactCenterSettings,
  metrics: Pick<CaseMetrics, 'moved'>,
  clients: CaseTaskClients = { dynamo: documentClient(), connect: new ConnectClient({}) },
): AwsCaseTaskDeps {
  const table = new TableClient(clients.dynamo, settings.tableName);
  const client = clients.connect;
  const tasks = new CaseTaskItems(table);
  const instanceId = settings.connect.instanceId;
  const cases = new CaseItems(table);
  const policy = trustedRoutingPolicy(defaultPolicy, bakedHolidayCalendar());
  const center = connectContactCenter(settings.connect, client, tasks);
  const moveCase: MoveCase = async (caseNumber, action, who, at) => {
    const result = await applyCaseAction({ cases, center, policy }, caseNumber, action, who, at);
    if (!result.ok) return { ok: false, reason: result.reason };
    metrics.moved(result.case, at);
    return { ok: true };
  };
  return {
    instanceId,
    tasks,
    attributes: contactAttributesReader(client, instanceId),
    moveCase,
    restartTask: (kase, previous) => center.restartTask(kase, previous),
    client,
    cases,
    policy,
    retention: new DynamoRetentionStore(table),
  };
}
