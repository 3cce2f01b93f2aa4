import { ConnectClient } from '@aws-sdk/client-connect';
import { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoErasureStore } from '../adapters/dynamodb/erasure-store';
import { S3MailEraser } from '../adapters/email/s3-mail-eraser';
import type { EraseGuestDeps } from '../domain/privacy/erase-guest';
import { newErasureId } from '../domain/privacy/erasure-id';
import type { RawMailEraser } from '../domain/privacy/erasure-ports';
import { documentClient } from '../shared/aws-clients';
import { logger } from '../shared/logger';
import { caseTaskItems, connectContactCenter } from './contact-center';
import { type EraseGuestSettings, readEraseGuestSettings } from './erase-guest-env';

// A deployment without the email door has no raw-mail bucket: nothing to erase there.
const NO_MAIL: RawMailEraser = { eraseReceived: async () => false, eraseSent: async () => 0 };

/** The SDK clients erasure uses (tests pass their own). */
export interface ErasureClients {
  readonly dynamo: DynamoDBDocumentClient;
  readonly s3: S3Client;
  readonly connect: ConnectClient;
}

/**
 * The erasure use case from its settings: the table, the raw-mail bucket when there is one, Connect
 * for withdrawing waiting tasks, and the audit record written to the function's log.
 */
export function eraseGuestDeps(
  settings: EraseGuestSettings,
  clients: ErasureClients = {
    dynamo: documentClient(),
    s3: new S3Client({}),
    connect: new ConnectClient({}),
  },
): EraseGuestDeps {
  const raw = settings.rawMail;
  return {
    store: new DynamoErasureStore(clients.dynamo, settings.tableName),
    rawMail: raw ? new S3MailEraser(clients.s3, raw.bucket, raw.quarantinePrefix) : NO_MAIL,
    center: connectContactCenter(
      settings.connect,
      clients.connect,
      caseTaskItems(settings.tableName, clients.dynamo),
    ),
    clock: { now: () => new Date() },
    newErasureId,
    audit: (entry) => logger.info('guest erased', { erasure: entry }),
  };
}

/** The erase-guest Lambda's dependencies from its environment, built once at cold start. */
export function wireEraseGuest(
  env: NodeJS.ProcessEnv = process.env,
  clients?: ErasureClients,
): EraseGuestDeps {
  return eraseGuestDeps(readEraseGuestSettings(env), clients);
}
