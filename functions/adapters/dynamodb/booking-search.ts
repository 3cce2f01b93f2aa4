import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Booking } from '../../domain/booking';
import type { IncidentMatch } from '../../domain/incidents/incident';
import type { BookingSearch } from '../../domain/incidents/incident-ports';
import { batchGetAll } from './batch-get';
import { fromItem } from './item-codec';
import { bookingKey } from './keys';
import type { TableClient } from './table-client';

type Item = Record<string, unknown>;

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
    const items = await batchGetAll(this.table, 'get bookings', [...new Set(refs)].map(bookingKey));
    return items.map((item) => fromItem<Booking>(item));
  }
}
