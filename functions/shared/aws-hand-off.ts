import { ConnectClient } from '@aws-sdk/client-connect';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConnectContactCenter, type ConnectQueueRef } from '../adapters/connect/connect-contact-center';
import { DynamoCaseStore } from '../adapters/dynamodb/case-store';
import { CaseTaskItems } from '../adapters/dynamodb/case-task-items';
import { TableClient } from '../adapters/dynamodb/table-client';
import type { IntakeDeps } from '../domain/intake/intake';
import { requiredEnv, requiredJsonEnv } from './env';

/** What handing contacts to Connect needs: the case store and the contact centre (the retry Lambda's deps). */
export type HandOffDeps = Pick<IntakeDeps, 'cases' | 'contactCenter'>;

/** The DynamoDB document client every store shares (undefined attributes left out). */
export function documentClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

/** The case-task bookkeeping in TABLE_NAME (which Connect task carries each case). */
export function caseTaskItems(
  env: NodeJS.ProcessEnv = process.env,
  client: DynamoDBDocumentClient = documentClient(),
): CaseTaskItems {
  return new CaseTaskItems(new TableClient(client, requiredEnv('TABLE_NAME', env)));
}

/** Amazon Connect from CONNECT_INSTANCE_ID, CONNECT_TASK_FLOW_ID, CONNECT_QUEUES (JSON) and TABLE_NAME. */
export function connectContactCenter(
  env: NodeJS.ProcessEnv = process.env,
  client: ConnectClient = new ConnectClient({}),
  tasks: CaseTaskItems = caseTaskItems(env),
): ConnectContactCenter {
  return new ConnectContactCenter(
    client,
    {
      instanceId: requiredEnv('CONNECT_INSTANCE_ID', env),
      taskFlowId: requiredEnv('CONNECT_TASK_FLOW_ID', env),
      queues: requiredJsonEnv<Record<string, ConnectQueueRef>>('CONNECT_QUEUES', env),
    },
    tasks,
  );
}

/**
 * The case store (TABLE_NAME) and Connect: all the hand-off retry needs. A module of its own so the
 * retry Lambda's bundle carries neither the classifier nor the routing policy.
 */
export function awsHandOffDeps(env: NodeJS.ProcessEnv = process.env): HandOffDeps {
  return {
    cases: new DynamoCaseStore(documentClient(), requiredEnv('TABLE_NAME', env)),
    contactCenter: connectContactCenter(env),
  };
}
