import { ConnectClient } from '@aws-sdk/client-connect';
import { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoErasureStore } from '../adapters/dynamodb/erasure-store';
import { S3MailEraser } from '../adapters/email/s3-mail-eraser';
import type { EraseGuestDeps } from '../domain/privacy/erase-guest';
import { newErasureId } from '../domain/privacy/erasure-id';
import type { RawMailEraser } from '../domain/privacy/erasure-ports';
import { caseTaskItems, connectContactCenter, documentClient } from './aws-hand-off';
import { requiredEnv } from './env';
import { logger } from './logger';

// A deployment without the email door has no raw-mail bucket: nothing to erase there.
const NO_MAIL: RawMailEraser = { eraseReceived: async () => false, eraseSent: async () => 0 };

/** The SDK clients erasure uses (tests pass their own). */
export interface ErasureClients {
  readonly dynamo: DynamoDBDocumentClient;
  readonly s3: S3Client;
  readonly connect: ConnectClient;
}

/**
 * The erasure use case in AWS: the table (TABLE_NAME), the raw-mail bucket (RAW_MAIL_BUCKET, optional;
 * QUARANTINE_PREFIX), Connect for withdrawing waiting tasks (CONNECT_INSTANCE_ID, CONNECT_TASK_FLOW_ID,
 * CONNECT_QUEUES), and the audit record written to the function's log.
 */
export function awsErasureDeps(
  env: NodeJS.ProcessEnv = process.env,
  clients: ErasureClients = {
    dynamo: documentClient(),
    s3: new S3Client({}),
    connect: new ConnectClient({}),
  },
): EraseGuestDeps {
  const bucket = env.RAW_MAIL_BUCKET;
  return {
    store: new DynamoErasureStore(clients.dynamo, requiredEnv('TABLE_NAME', env)),
    rawMail: bucket ? new S3MailEraser(clients.s3, bucket, env.QUARANTINE_PREFIX || undefined) : NO_MAIL,
    center: connectContactCenter(env, clients.connect, caseTaskItems(env, clients.dynamo)),
    clock: { now: () => new Date() },
    newErasureId,
    audit: (entry) => logger.info('guest erased', { erasure: entry }),
  };
}
