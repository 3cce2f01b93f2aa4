import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RetentionStore, SettledCase } from '../../domain/cases/retention';
import { queryAll } from './index-query';
import {
  CASE_LIST_PARTITION,
  caseContactsPartition,
  caseKey,
  caseOutboundPartition,
  type ItemKey,
} from './keys';
import type { TableClient } from './table-client';
import { INDEXES, TTL_ATTRIBUTE, ttlSeconds } from './table-definition';
import { isConditionalCheckFailed, toDependencyError } from './translate-error';

type Item = Record<string, unknown>;
// The case list has no index by status: the sweep reads it oldest first with a filter, and stops after
// this many 1 MB pages a run (docs/dynamodb-key-design.md, "Retention").
const MAX_PAGES = 20;

/** RetentionStore on the main table: the TTL attribute the PIN guards use, on a closed case's items. */
export class DynamoRetentionStore implements RetentionStore {
  constructor(private readonly table: TableClient) {}

  async listSettled(resolvedBefore: string, limit: number): Promise<SettledCase[]> {
    const found: SettledCase[] = [];
    let startKey: Item | undefined;
    for (let page = 0; page < MAX_PAGES && found.length < limit; page++) {
      const out = await this.table.send<{ Items?: Item[]; LastEvaluatedKey?: Item }>(
        'list settled cases',
        new QueryCommand({
          TableName: this.table.tableName,
          IndexName: INDEXES.byCase,
          KeyConditionExpression: 'gsi1pk = :cases',
          FilterExpression:
            '(#status = :resolved AND resolvedAt <= :before) OR (#status = :closed AND attribute_not_exists(#ttl))',
          ProjectionExpression: 'caseNumber, #status, closedAt',
          ExpressionAttributeNames: { '#status': 'status', '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: {
            ':cases': CASE_LIST_PARTITION,
            ':resolved': 'resolved',
            ':closed': 'closed',
            ':before': resolvedBefore,
          },
          ScanIndexForward: true,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      for (const item of out.Items ?? [])
        if (found.length < limit) found.push(item as unknown as SettledCase);
      startKey = out.LastEvaluatedKey;
      if (!startKey) break;
    }
    return found;
  }

  async expireCase(caseNumber: string, expiresAt: string): Promise<number> {
    const ttl = ttlSeconds(expiresAt);
    // Beside the case (its task), and its contacts and outbound ledger records on the byCase index.
    const byCase = { IndexName: INDEXES.byCase, KeyConditionExpression: 'gsi1pk = :p' };
    const [beside, contacts, outbound] = await Promise.all([
      this.keys('case items', { KeyConditionExpression: 'pk = :p' }, caseKey(caseNumber).pk),
      this.keys('case contacts', byCase, caseContactsPartition(caseNumber)),
      this.keys('case outbound', byCase, caseOutboundPartition(caseNumber)),
    ]);
    const items = [...contacts, ...outbound, ...beside.filter((k) => k.sk !== caseKey(caseNumber).sk)];
    for (const key of items) await this.stamp(key, ttl);
    // The case item last: a sweep cut short finds the case again (closed, no expiry) and finishes.
    await this.stamp(caseKey(caseNumber), ttl);
    return items.length + 1;
  }

  private async stamp(key: ItemKey, ttl: number): Promise<void> {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: key,
          UpdateExpression: 'SET #ttl = :ttl',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':ttl': ttl },
        }),
      );
    } catch (error) {
      // Gone already (TTL or erasure got there first): nothing left to expire.
      if (!isConditionalCheckFailed(error)) throw toDependencyError(error, 'expire case item');
    }
  }

  private async keys(action: string, query: Item, partition: string): Promise<ItemKey[]> {
    const items = await queryAll(this.table, action, {
      ...query,
      ExpressionAttributeValues: { ':p': partition },
      ProjectionExpression: 'pk, sk',
    });
    return items.map((item) => ({ pk: String(item.pk), sk: String(item.sk) }));
  }
}
