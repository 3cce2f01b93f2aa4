import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PinGuard, PinLimits } from '../../domain/ports';
import { fromItem } from './item-codec';
import type { ItemKey } from './keys';
import type { TableClient } from './table-client';
import { TTL_ATTRIBUTE, ttlSeconds } from './table-definition';
import { gaveUp, isConditionalCheckFailed, toDependencyError } from './translate-error';

type Item = Record<string, unknown>;
// Each lost race means another attempt created or refreshed the guard meanwhile; a few rounds settle it.
const MAX_ROUNDS = 5;
const ACTION = 'claim PIN attempt';

/**
 * Claims one PIN attempt with single-item conditional writes (dynalite has no transactions): the count
 * goes up only while it is below the limit, so of any number of attempts in flight at most `maxFailures`
 * are granted until a right PIN clears them. A guard lives `lockMinutes` after its latest granted
 * attempt; once full it is refused until it expires, and counting restarts after.
 */
export async function claimPinAttempt(
  table: TableClient,
  key: ItemKey,
  now: Date,
  limits: PinLimits,
): Promise<{ granted: boolean }> {
  const nowIso = now.toISOString();
  const until = new Date(now.getTime() + limits.lockMinutes * 60_000).toISOString();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (await addBelowLimit(table, key, nowIso, until, limits.maxFailures)) return { granted: true };
    // Not counted: the guard is full, or there is no live one yet (or a racing attempt changed it).
    const current = await table.get(ACTION, key, true);
    const guard = current ? fromItem<PinGuard>(current) : undefined;
    const live = guard !== undefined && guard.expiresAt > nowIso;
    if (live && guard.failures >= limits.maxFailures) return { granted: false };
    if (live) continue;
    const fresh: PinGuard = { failures: 1, expiresAt: until };
    const put = await table.putUnless(
      ACTION,
      { ...fresh, ...key, kind: 'pin-guard', [TTL_ATTRIBUTE]: ttlSeconds(until) },
      'attribute_not_exists(pk) OR expiresAt <= :now',
      { ':now': nowIso },
    );
    if (put.written) return { granted: true };
  }
  throw gaveUp(ACTION, 'too many concurrent updates');
}

// ADD under the condition is atomic: two attempts can never both take the last free place.
async function addBelowLimit(table: TableClient, key: ItemKey, nowIso: string, until: string, max: number) {
  try {
    await table.client.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: key,
        UpdateExpression: 'ADD failures :one SET expiresAt = :until, #ttl = :ttl',
        ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now AND failures < :max',
        ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: {
          ':one': 1,
          ':until': until,
          ':ttl': ttlSeconds(until),
          ':now': nowIso,
          ':max': max,
        } satisfies Item,
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw toDependencyError(error, ACTION);
  }
}

/** Gives one granted attempt back (its PIN could not be checked); never below zero. */
export async function releasePinAttempt(table: TableClient, key: ItemKey): Promise<void> {
  try {
    await table.client.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: key,
        UpdateExpression: 'ADD failures :minusOne',
        ConditionExpression: 'failures > :zero',
        ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw toDependencyError(error, 'release PIN attempt');
  }
}
