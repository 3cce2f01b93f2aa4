import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError } from '../../domain/errors';
import type { ContactRecord } from '../../domain/ports';
import type { ContactLog } from '../../domain/store-ports';
import { queryIndex } from './index-query';
import { fromItem, withoutUndefined } from './item-codec';
import {
  caseContactsPartition,
  contactCaseKey,
  contactKey,
  OUTBOX_PARTITION,
  PENDING_PARTITION,
  timeSortKey,
} from './keys';
import { TableClient } from './table-client';
import { INDEXES, TTL_ATTRIBUTE, ttlSeconds } from './table-definition';
import { gaveUp, isConditionalCheckFailed, toDependencyError } from './translate-error';

type Item = Record<string, unknown>;
// A contact's case pin only matters while that contact can still be retried before its own record is
// stored: the longest wait is a dead-lettered email replayed within the queues' 14-day retention. Once
// the record exists it answers every duplicate, so DynamoDB's TTL may drop the pin after 30 days.
const CONTACT_PIN_TTL_SECONDS = 30 * 86_400;

/** ContactLog on the main table: one item per contact (listed through three indexes), and its case pin. */
export class DynamoContactLog implements ContactLog {
  private readonly table: TableClient;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.table = new TableClient(client, tableName);
  }

  async getContact(id: string): Promise<ContactRecord | undefined> {
    const item = await this.table.get('get contact', contactKey(id));
    return item ? fromItem<ContactRecord>(item) : undefined;
  }

  async putContactOnce(
    record: ContactRecord,
  ): Promise<{ created: true } | { created: false; existing: ContactRecord }> {
    const put = await this.table.putUnless('put contact', toItem(record), 'attribute_not_exists(pk)');
    if (put.written) return { created: true };
    // The holder is always there: contacts are never deleted.
    return { created: false, existing: fromItem<ContactRecord>(put.holder ?? toItem(record)) };
  }

  async markHandedOff(id: string, outcome: { ok: true } | { ok: false; error: string }): Promise<void> {
    // Done: leaves the sparse pending index. Failed: (back) on it, in arrival order (the case-list sort
    // key), one more attempt counted, error kept, even for a contact a door had marked done too early.
    const input = outcome.ok
      ? {
          UpdateExpression: 'SET handoff = :done REMOVE gsi3pk, gsi3sk, handoffError',
          ExpressionAttributeValues: { ':done': 'done' },
        }
      : {
          UpdateExpression:
            'SET handoff = :pending, handoffError = :error, gsi3pk = :partition, gsi3sk = gsi1sk ADD handoffAttempts :one',
          ExpressionAttributeValues: {
            ':pending': 'pending',
            ':error': outcome.error,
            ':partition': PENDING_PARTITION,
            ':one': 1,
          },
        };
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: contactKey(id),
          ConditionExpression: 'attribute_exists(pk)',
          ...input,
        }),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error)) throw new NotFoundError('contact', id);
      throw toDependencyError(error, 'mark handed off');
    }
  }

  listPendingHandoffs(limit: number): Promise<ContactRecord[]> {
    return queryIndex<ContactRecord>(this.table, {
      action: 'list pending hand-offs',
      indexName: INDEXES.pending,
      partitionAttribute: 'gsi3pk',
      partition: PENDING_PARTITION,
      ascending: true,
      limit,
    });
  }

  listContactsOfCase(caseNumber: string): Promise<ContactRecord[]> {
    return queryIndex<ContactRecord>(this.table, {
      action: 'list contacts of case',
      indexName: INDEXES.byCase,
      partitionAttribute: 'gsi1pk',
      partition: caseContactsPartition(caseNumber),
      ascending: true,
    });
  }

  async pinContactCase(contactId: string, destination: string): Promise<string> {
    const pin = {
      ...contactCaseKey(contactId),
      kind: 'contact-case',
      destination,
      [TTL_ATTRIBUTE]: ttlSeconds(Date.now()) + CONTACT_PIN_TTL_SECONDS,
    };
    const put = await this.table.putUnless('pin contact case', pin, 'attribute_not_exists(pk)');
    if (put.written) return destination;
    if (typeof put.holder?.destination === 'string') return put.holder.destination;
    throw gaveUp('pin contact case', 'the pin vanished while being read');
  }
}

function toItem(record: ContactRecord): Item & { pk: string; sk: string } {
  const order = timeSortKey(record.receivedAt, record.id);
  const answerId = record.reply?.answered ? record.reply.messageId : undefined;
  return {
    ...withoutUndefined(record),
    ...contactKey(record.id),
    kind: 'contact',
    gsi1pk: caseContactsPartition(record.caseNumber),
    gsi1sk: order,
    // Sparse index: only contacts whose hand-off is pending are in the hand-off list.
    ...(record.handoff === 'pending' ? { gsi3pk: PENDING_PARTITION, gsi3sk: order } : {}),
    // Its inline answer's ledger record lives here (inlineAnswerOf): in the outbox as a ledger item is.
    ...(answerId ? { gsi2pk: OUTBOX_PARTITION, gsi2sk: timeSortKey(record.receivedAt, answerId) } : {}),
  };
}
