import { ConnectClient } from '@aws-sdk/client-connect';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import defaultPolicy from '../../policy/routing-policy.json';
import { ConnectContactCenter, type ConnectQueueRef } from '../adapters/connect/connect-contact-center';
import { ScryptPinHasher } from '../adapters/crypto/scrypt-pin-hasher';
import { DynamoBookingStore } from '../adapters/dynamodb/booking-store';
import { DynamoCaseStore } from '../adapters/dynamodb/case-store';
import { emergencyNotice, TravelClassifier } from '../domain/classify';
import type { IntakeDeps } from '../domain/intake/intake';
import { loadRoutingPolicy } from '../domain/routing/load-policy';
import { requiredEnv, requiredJsonEnv } from './env';

/**
 * The intake's dependencies in AWS, from the Lambda's environment: TABLE_NAME, CONNECT_INSTANCE_ID,
 * CONNECT_TASK_FLOW_ID and CONNECT_QUEUES (policy queue id → {id, arn}, JSON). Built once per cold
 * start; a missing setting or a broken bundled policy fails the cold start, naming what is wrong.
 */
export function awsIntakeDeps(env: NodeJS.ProcessEnv = process.env): IntakeDeps {
  const policy = loadRoutingPolicy(defaultPolicy);
  const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const table = requiredEnv('TABLE_NAME', env);
  return {
    policy,
    classifier: new TravelClassifier(),
    emergencyNotice,
    bookings: new DynamoBookingStore(documentClient, table),
    cases: new DynamoCaseStore(documentClient, table),
    contactCenter: new ConnectContactCenter(new ConnectClient({}), {
      instanceId: requiredEnv('CONNECT_INSTANCE_ID', env),
      taskFlowId: requiredEnv('CONNECT_TASK_FLOW_ID', env),
      queues: requiredJsonEnv<Record<string, ConnectQueueRef>>('CONNECT_QUEUES', env),
    }),
    pinHasher: new ScryptPinHasher(),
    clock: { now: () => new Date() },
  };
}
