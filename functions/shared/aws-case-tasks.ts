import { ConnectClient } from '@aws-sdk/client-connect';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import defaultPolicy from '../../policy/routing-policy.json';
import { contactAttributesReader } from '../adapters/connect/contact-attributes';
import type { MoveCase, TaskEventDeps } from '../adapters/connect/task-event-sync';
import { CaseItems } from '../adapters/dynamodb/case-items';
import { CaseTaskItems } from '../adapters/dynamodb/case-task-items';
import { TableClient } from '../adapters/dynamodb/table-client';
import { applyCaseAction } from '../domain/cases/apply-action';
import type { RoutingPolicy } from '../domain/routing/policy-schema';
import { connectContactCenter, documentClient } from './aws-hand-off';
import { bakedHolidayCalendar } from './baked-holidays';
import type { CaseMetrics } from './case-metrics';
import { requiredEnv } from './env';
import { trustedRoutingPolicy } from './trusted-config';

/** What the Connect event Lambda and the task sweep need, built once per cold start. */
export interface AwsCaseTaskDeps extends TaskEventDeps {
  readonly client: ConnectClient;
  readonly cases: CaseItems;
  readonly policy: RoutingPolicy;
}

/**
 * From TABLE_NAME, CONNECT_INSTANCE_ID, CONNECT_TASK_FLOW_ID and CONNECT_QUEUES: the case tasks, the
 * case lifecycle (applyCaseAction, which withdraws a settled case's waiting task) and Connect. Every
 * case move is reported to `metrics`.
 */
export function awsCaseTaskDeps(env: NodeJS.ProcessEnv, metrics: CaseMetrics): AwsCaseTaskDeps {
  return caseTaskDeps(env, metrics, { dynamo: documentClient(), connect: new ConnectClient({}) });
}

/** The same deps on given clients (tests point them at dynalite and a mocked Connect). */
export function caseTaskDeps(
  env: NodeJS.ProcessEnv,
  metrics: CaseMetrics,
  clients: { readonly dynamo: DynamoDBDocumentClient; readonly connect: ConnectClient },
): AwsCaseTaskDeps {
  const table = new TableClient(clients.dynamo, requiredEnv('TABLE_NAME', env));
  const client = clients.connect;
  const tasks = new CaseTaskItems(table);
  const instanceId = requiredEnv('CONNECT_INSTANCE_ID', env);
  const cases = new CaseItems(table);
  const policy = trustedRoutingPolicy(defaultPolicy, bakedHolidayCalendar());
  const center = connectContactCenter(env, client, tasks);
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
  };
}
