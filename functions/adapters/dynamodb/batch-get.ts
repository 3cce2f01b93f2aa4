import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { ItemKey } from './keys';
import type { TableClient } from './table-client';
import { gaveUp } from './translate-error';

type Item = Record<string, unknown>;
// BatchGetItem takes at most 100 keys a request.
const BATCH_GET_LIMIT = 100;
const MAX_BATCH_ROUNDS = 4;

/**
 * Every item of `keys` that exists, in no particular order, 100 keys a request; keys DynamoDB leaves
 * unprocessed (throttling) are asked again a few times, then it gives up with a retryable error.
 */
export async function batchGetAll(
  table: TableClient,
  action: string,
  keys: readonly ItemKey[],
): Promise<Item[]> {
  const found: Item[] = [];
  for (let i = 0; i < keys.length; i += BATCH_GET_LIMIT) {
    let pending: ItemKey[] = keys.slice(i, i + BATCH_GET_LIMIT);
    for (let round = 0; pending.length > 0; round++) {
      if (round >= MAX_BATCH_ROUNDS) throw gaveUp(action, 'keys left unprocessed');
      const out = await table.send<{
        Responses?: Record<string, Item[]>;
        UnprocessedKeys?: Record<string, { Keys?: ItemKey[] }>;
      }>(action, new BatchGetCommand({ RequestItems: { [table.tableName]: { Keys: pending } } }));
      found.push(...(out.Responses?.[table.tableName] ?? []));
      pending = out.UnprocessedKeys?.[table.tableName]?.Keys ?? [];
    }
  }
  return found;
}
