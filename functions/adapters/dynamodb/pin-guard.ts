import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PinGuard } from '../../domain/ports';
import { fromItem } from './item-codec';
import type { ItemKey } from './keys';
import type { TableClient } from './table-client';
import { TTL_ATTRIBUTE, ttlSeconds } from './table-definition';
import { gaveUp, isConditionalCheckFailed, toDependencyError } from './translate-error';

type Item = Record<string, unknown>;
type Limits = { readonly maxFailures: number; readonly lockMinutes: number };
// Each lost race means another failure was counted meanwhile; three rounds cover any real burst.
const MAX_ROUNDS = 3;
const ACTION = 'record PIN failure';

/**
 * Counts one wrong PIN without transactions. The port has no separate failure window, so a guard lives
 * `lockMinutes` after its latest failure; once locked, it expires when the lock ends and counting restarts.
 */
export async function recordPinFailure(table: TableClient, key: ItemKey, now: Date, limits: Limits) {
  const nowIso = now.toISOString();
  const until = new Date(now.getTime() + limits.lockMinutes * 60_000).toISOString();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const counted = await addToLiveGuard(table, key, nowIso, until);
    if (counted) {
      const guard = fromItem<PinGuard>(counted);
      const locked = guard.lockedUntil !== undefined && guard.lockedUntil > nowIso;
      return guard.failures >= limits.maxFailures && !locked ? lock(table, key, nowIso, until) : guard;
    }
    const fresh: PinGuard = {
      failures: 1,
      expiresAt: until,
      ...(limits.maxFailures <= 1 ? { lockedUntil: until } : {}),
    };
    const put = await table.putUnless(
      ACTION,
      { ...fresh, ...key, kind: 'pin-guard', [TTL_ATTRIBUTE]: ttlSeconds(until) },
      'attribute_not_exists(pk) OR expiresAt <= :now',
      { ':now': nowIso },
    );
    if (put.written) return fresh;
  }
  throw gaveUp(ACTION, 'too many concurrent updates');
}

// ADD is atomic: concurrent wrong PINs are each counted, never lost to a read-modify-write.
async function addToLiveGuard(table: TableClient, key: ItemKey, nowIso: string, until: string) {
  return update(
    table,
    key,
    'ADD failures :one SET expiresAt = :until, #ttl = :ttl',
    'attribute_exists(pk) AND expiresAt > :now',
    { ':one': 1, ':until': until, ':ttl': ttlSeconds(until), ':now': nowIso },
  );
}

async function lock(table: TableClient, key: ItemKey, nowIso: string, until: string): Promise<PinGuard> {
  const locked = await update(
    table,
    key,
    'SET lockedUntil = :until, expiresAt = :until, #ttl = :ttl',
    'attribute_not_exists(lockedUntil) OR lockedUntil <= :now',
    { ':until': until, ':ttl': ttlSeconds(until), ':now': nowIso },
  );
  // Someone else locked it a moment ago: theirs is the lock that stands.
  return fromItem<PinGuard>(locked ?? (await table.get(ACTION, key, true)) ?? {});
}

async function update(table: TableClient, key: ItemKey, expression: string, condition: string, values: Item) {
  try {
    const out = await table.client.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: key,
        UpdateExpression: expression,
        ConditionExpression: condition,
        ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return out.Attributes as Item | undefined;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return undefined;
    throw toDependencyError(error, ACTION);
  }
}
