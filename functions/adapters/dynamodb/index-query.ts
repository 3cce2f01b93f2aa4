import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { fromItem } from './item-codec';
import type { TableClient } from './table-client';

type Item = Record<string, unknown>;

/** What one index query reads: which index, which partition, in which order, how many at most. */
export interface IndexQuery {
  readonly action: string;
  readonly indexName: string;
  readonly partitionAttribute: string;
  readonly partition: string;
  readonly ascending: boolean;
  readonly limit?: number | undefined;
}

/** Queries one index partition, following pages until `limit` items (or the end). */
export async function queryIndex<T>(table: TableClient, query: IndexQuery): Promise<T[]> {
  const limit = query.limit ?? Number.POSITIVE_INFINITY;
  const found: T[] = [];
  // DynamoDB rejects Limit 0; asking for nothing gets nothing without a request.
  if (limit <= 0) return found;
  let startKey: Item | undefined;
  do {
    const out = await table.send<{ Items?: Item[]; LastEvaluatedKey?: Item }>(
      query.action,
      new QueryCommand({
        TableName: table.tableName,
        IndexName: query.indexName,
        KeyConditionExpression: '#p = :p',
        ExpressionAttributeNames: { '#p': query.partitionAttribute },
        ExpressionAttributeValues: { ':p': query.partition },
        ScanIndexForward: query.ascending,
        ...(Number.isFinite(limit) ? { Limit: limit - found.length } : {}),
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const item of out.Items ?? []) found.push(fromItem<T>(item));
    startKey = out.LastEvaluatedKey;
  } while (startKey && found.length < limit);
  return found;
}

/** Every item a query finds, following its pages to the end (for partitions known to be small). */
export async function queryAll(
  table: TableClient,
  action: string,
  query: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const out = await table.send<{ Items?: Item[]; LastEvaluatedKey?: Item }>(
      action,
      new QueryCommand({
        ...query,
        TableName: table.tableName,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
}
