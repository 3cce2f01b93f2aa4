// Reads what a stopped local runtime left in its data folder, straight from its DynamoDB files, so a
// campaign counts everything (the HTTP API pages at 1,000 items).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { messageClaimKey } from '../../functions/adapters/dynamodb/keys';
import { DynamoGuestAllowance } from '../../functions/adapters/dynamodb/outbound-guests';
import { DynamoOutboundLedger } from '../../functions/adapters/dynamodb/outbound-ledger';
import { DynamoContactCenter } from '../../functions/adapters/local/dynamodb-contact-center';
import type { Case } from '../../functions/domain/case';
import type { DeliveryStatus } from '../../functions/domain/outbound/messenger';
import type { ContactRecord, HandOff } from '../../functions/domain/ports';
import { LOCAL_TABLES, readPolicyFile } from '../../local/app';
import { LOCAL_EMAIL } from '../../local/doors/email-door';
import { startDynaliteServer } from '../../local/dynalite-server';

/** Everything a campaign checks against what it sent. */
export interface AuditReport {
  readonly cases: readonly Case[];
  /** Stored contacts by the ref asked about (undefined when missing: lost). */
  readonly contacts: ReadonlyMap<string, ContactRecord | undefined>;
  readonly queued: readonly HandOff[];
  readonly pendingHandoffs: number;
  /** Contacts waiting for a hand-off retry. */
  readonly pendingIds: ReadonlySet<string>;
  /** Acknowledgements the local mailer wrote (.eml files in the outbox folder). */
  readonly outboxFiles: number;
  /** The delivery status of every outbound message, by message id (the outbound ledger). */
  readonly deliveries: ReadonlyMap<string, DeliveryStatus>;
}

/**
 * A ref the audit finds a contact by: its id, or "msgid:<key>" for an email sent to the local door's
 * address, known by its Message-ID.
 */
export type ContactRef = string;

function countFiles(folder: string): number {
  try {
    return readdirSync(folder).filter((name) => name.endsWith('.eml')).length;
  } catch {
    return 0;
  }
}

/** Opens the data folder of a stopped runtime and reads cases, the given contacts and the queues. */
export async function audit(dataDir: string, refs: Iterable<ContactRef>): Promise<AuditReport> {
  const server = await startDynaliteServer(join(dataDir, 'dynamodb'));
  const client = new DynamoDBClient({
    endpoint: server.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const doc = DynamoDBDocumentClient.from(client);
  try {
    const store = new DynamoCaseStore(doc, LOCAL_TABLES.main);
    const center = new DynamoContactCenter(doc, LOCAL_TABLES.waitingLists, {
      policy: readPolicyFile('policy/routing-policy.json', new Date()),
      clock: { now: () => new Date() },
    });
    const contacts = new Map<string, ContactRecord | undefined>();
    const ids = [...refs];
    const find = async (ref: ContactRef) => {
      if (!ref.startsWith('msgid:')) return store.getContact(ref);
      // The door records which contact a Message-ID became once it is stored; a runtime killed before
      // that leaves only the claim of the first copy (which a later copy finds as a duplicate).
      const key = ref.slice('msgid:'.length);
      const found = await store.findByMessageIds([key]);
      if (found) return store.getContact(found.contactId);
      const claim = await doc.send(
        new GetCommand({
          TableName: LOCAL_TABLES.main,
          Key: messageClaimKey(`${key}|${LOCAL_EMAIL.from}`),
        }),
      );
      const holder = claim.Item?.contactId;
      return typeof holder === 'string' ? store.getContact(holder) : undefined;
    };
    for (let i = 0; i < ids.length; i += 50) {
      const batch = ids.slice(i, i + 50);
      const found = await Promise.all(batch.map(find));
      for (const [j, id] of batch.entries()) contacts.set(id, found[j]);
    }
    const pending = await store.listPendingHandoffs(Number.POSITIVE_INFINITY);
    const ledger = new DynamoOutboundLedger(
      doc,
      LOCAL_TABLES.main,
      new DynamoGuestAllowance(doc, LOCAL_TABLES.main),
    );
    const outbound = await ledger.list(Number.POSITIVE_INFINITY);
    return {
      cases: await store.listCases(Number.POSITIVE_INFINITY),
      contacts,
      queued: Object.values(await center.listAll()).flat(),
      pendingHandoffs: pending.length,
      pendingIds: new Set(pending.map((record) => record.id)),
      outboxFiles: countFiles(join(dataDir, 'mail', 'outbox')),
      deliveries: new Map(outbound.map((message) => [message.id, message.status])),
    };
  } finally {
    client.destroy();
    await server.close();
  }
}
