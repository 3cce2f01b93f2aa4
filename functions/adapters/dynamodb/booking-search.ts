import { BatchGetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Booking } from '../../domain/booking';
import type { IncidentMatch } from '../../domain/incidents/incident';
import type { BookingSearch } from '../../domain/incidents/incident-ports';
import { fromItem } from './item-codec';
import { bookingKey, type ItemKey } from './keys';
import type { TableClient } from './table-client';
import { gaveUp } from './translate-error';

type Item = Record<string, unknown>;
const BATCH_GET_LIMIT = 100;
const MAX_BATCH_ROUNDS = 6;

/**
 * The bookings an incident may match. Named bookings are read by key; any other match reads every
 * booking item with one paged Scan (filtered to bookings, live ones, and the check-in range): an
 * operator declares an incident a few times a year, so no index is kept up for it on every booking write.
 */
export class BookingSearchItems implements BookingSearch {
  constructor(private readonly table: TableClient) {}

  async candidates(match: IncidentMatch): Promise<Booking[]> {
    if (match.bookingRefs) return this.bookingsByRef(match.bookingRefs);
    const filters = ['kind = :booking', '#status IN (:confirmed, :pending)'];
    const values: Item = { ':booking': 'booking', ':confirmed': 'confirmed', ':pending': 'pending' };
    if (match.checkInFrom) {
      filters.push('checkIn >= :from');
      values[':from'] = match.checkInFrom;
    }
    if (match.checkInTo) {
      filters.push('checkIn <= :to');
      values[':to'] = match.checkInTo;
    }
    const found: Booking[] = [];
    let startKey: Item | undefined;
    do {
      const out = await this.table.send<{ Items?: Item[]; LastEvaluatedKey?: Item }>(
        'search bookings',
        new ScanCommand({
          TableName: this.table.tableName,
          FilterExpression: filters.join(' AND '),
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: values,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      for (const item of out.Items ?? []) found.push(fromItem<Booking>(item));
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return found;
  }

  async bookingsByRef(refs: readonly string[]): Promise<Booking[]> {
    const found: Booking[] = [];
    const unique = [...new Set(refs)];
    for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) {
      let pending: ItemKey[] = unique.slice(i, i + BATCH_GET_LIMIT).map(bookingKey);
      for (let round = 0; pending.length > 0; round++) {
        if (round >= MAX_BATCH_ROUNDS) throw gaveUp('get bookings', 'keys left unprocessed');
        const out = await this.table.send<{
          Responses?: Record<string, Item[]>;
          UnprocessedKeys?: Record<string, { Keys?: ItemKey[] }>;
        }>(
          'get bookings',
          new BatchGetCommand({ RequestItems: { [this.table.tableName]: { Keys: pending } } }),
        );
        for (const item of out.Responses?.[this.table.tableName] ?? []) found.push(fromItem<Booking>(item));
        pending = out.UnprocessedKeys?.[this.table.tableName]?.Keys ?? [];
      }
    }
    return found;
  }
}
