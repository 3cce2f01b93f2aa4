// Reads what a stopped local runtime left in its data folder, straight from its DynamoDB files, so a
// campaign counts everything (the HTTP API pages at 1,000 items).
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { DynamoContactCenter } from '../../functions/adapters/local/dynamodb-contact-center';
import type { Case } from '../../functions/domain/case';
import type { ContactRecord, HandOff } from '../../functions/domain/ports';
import { LOCAL_TABLES } from '../../local/app';
import { startDynaliteServer } from '../../local/dynalite-server';

/** Everything a campaign checks against what it sent. */
export interface AuditReport {
  readonly cases: readonly Case[];
  /** Stored contacts by id, for the ids asked about (undefined when missing: lost). */
  readonly contacts: ReadonlyMap<string, ContactRecord | undefined>;
  readonly queued: readonly HandOff[];
  readonly pendingHandoffs: number;
}

/** Opens the data folder of a stopped runtime and reads cases, the given contacts and the queues. */
export async function audit(dataDir: string, contactIds: Iterable<string>): Promise<AuditReport> {
  const server = await startDynaliteServer(join(dataDir, 'dynamodb'));
  const client = new DynamoDBClient({
    endpoint: server.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const doc = DynamoDBDocumentClient.from(client);
  try {
    const store = new DynamoCaseStore(doc, LOCAL_TABLES.main);
    const center = new DynamoContactCenter(doc, LOCAL_TABLES.waitingLists);
    const contacts = new Map<string, ContactRecord | undefined>();
    const ids = [...contactIds];
    for (let i = 0; i < ids.length; i += 50) {
      const batch = ids.slice(i, i + 50);
      const found = await Promise.all(batch.map((id) => store.getContact(id)));
      for (const [j, id] of batch.entries()) contacts.set(id, found[j]);
    }
    return {
      cases: await store.listCases(Number.POSITIVE_INFINITY),
      contacts,
      queued: Object.values(await center.listAll()).flat(),
      pendingHandoffs: (await store.listPendingHandoffs(Number.POSITIVE_INFINITY)).length,
    };
  } finally {
    client.destroy();
    await server.close();
  }
}
