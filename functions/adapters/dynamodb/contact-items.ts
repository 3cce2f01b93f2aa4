import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError } from '../../domain/errors';
import type { ContactRecord } from '../../domain/ports';
import { fromItem, withoutUndefined } from './item-codec';
import { caseContactsPartition, contactKey, PENDING_PARTITION, timeSortKey } from './keys';
import type { TableClient } from './table-client';
import { INDEXES } from './table-definition';
import { isConditionalCheckFailed, toDependencyError } from './translate-error';

type Item = Record<string, unknown>;

/** The contact half of the CaseStore: one item per contact, listed through two indexes. */
export class ContactItems {
  constructor(private readonly table: TableClient) {}

  async get(id: string): Promise<ContactRecord | undefined> {
    const item = await this.table.get('get contact', contactKey(id));
    return item ? fromItem<ContactRecord>(item) : undefined;
  }

  async putOnce(
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

  listPending(limit: number): Promise<ContactRecord[]> {
    return this.query('list pending hand-offs', INDEXES.pending, 'gsi3pk', PENDING_PARTITION, true, limit);
  }

  listOfCase(caseNumber: string): Promise<ContactRecord[]> {
    return this.query(
      'list contacts of case',
      INDEXES.byCase,
      'gsi1pk',
      caseContactsPartition(caseNumber),
      true,
    );
  }

  /** Queries one index partition, following pages until `limit` items (or the end). */
  async query<T = ContactRecord>(
    action: string,
    indexName: string,
    partitionAttribute: string,
    partition: string,
    ascending: boolean,
    limit = Number.POSITIVE_INFINITY,
  ): Promise<T[]> {
    const found: T[] = [];
    // DynamoDB rejects Limit 0; asking for nothing gets nothing without a request.
    if (limit <= 0) return found;
    let startKey: Item | undefined;
    do {
      const out = await this.table.send<{ Items?: Item[]; LastEvaluatedKey?: Item }>(
        action,
        new QueryCommand({
          TableName: this.table.tableName,
          IndexName: indexName,
          KeyConditionExpression: '#p = :p',
          ExpressionAttributeNames: { '#p': partitionAttribute },
          ExpressionAttributeValues: { ':p': partition },
          ScanIndexForward: ascending,
          ...(Number.isFinite(limit) ? { Limit: limit - found.length } : {}),
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      for (const item of out.Items ?? []) found.push(fromItem<T>(item));
      startKey = out.LastEvaluatedKey;
    } while (startKey && found.length < limit);
    return found;
  }
}

function toItem(record: ContactRecord): Item & { pk: string; sk: string } {
  const order = timeSortKey(record.receivedAt, record.id);
  return {
    ...withoutUndefined(record),
    ...contactKey(record.id),
    kind: 'contact',
    gsi1pk: caseContactsPartition(record.caseNumber),
    gsi1sk: order,
    // Sparse index: only contacts whose hand-off is pending are in the hand-off list.
    ...(record.handoff === 'pending' ? { gsi3pk: PENDING_PARTITION, gsi3sk: order } : {}),
  };
}
