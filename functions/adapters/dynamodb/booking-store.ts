import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Booking } from '../../domain/booking';
import type { Customer } from '../../domain/customer';
import type { BookingStore, PinGuard, PinLimits } from '../../domain/ports';
import { fromItem, withoutUndefined } from './item-codec';
import { bookingKey, customerKey, customerLookupKey, type ItemKey, pinGuardKey } from './keys';
import { claimPinAttempt, releasePinAttempt } from './pin-guard';
import { TableClient } from './table-client';
import { gaveUp } from './translate-error';

type Item = Record<string, unknown>;
// BatchGetItem may leave keys unprocessed under load; a few rounds is plenty for two keys.
const MAX_BATCH_ROUNDS = 4;
const BATCH_WRITE_LIMIT = 25;

/** BookingStore on the main table: bookings, PIN guards and customer lookups. */
export class DynamoBookingStore implements BookingStore {
  private readonly table: TableClient;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.table = new TableClient(client, tableName);
  }

  async getBooking(
    reference: string,
    now: Date,
  ): Promise<{ booking: Booking; pinGuard?: PinGuard } | undefined> {
    const items = await this.batchGet([bookingKey(reference), pinGuardKey(reference)]);
    const bookingItem = items.find((i) => i.sk === 'BOOKING');
    if (!bookingItem) return undefined;
    const booking = fromItem<Booking>(bookingItem);
    const guardItem = items.find((i) => i.sk === 'PINGUARD');
    const guard = guardItem ? fromItem<PinGuard>(guardItem) : undefined;
    // TTL deletes lazily (and dynalite never): an expired guard still in the table counts as none.
    return guard && guard.expiresAt > now.toISOString() ? { booking, pinGuard: guard } : { booking };
  }

  claimPinAttempt(reference: string, now: Date, limits: PinLimits): Promise<{ granted: boolean }> {
    return claimPinAttempt(this.table, pinGuardKey(reference), now, limits);
  }

  releasePinAttempt(reference: string): Promise<void> {
    return releasePinAttempt(this.table, pinGuardKey(reference));
  }

  async clearPinFailures(reference: string): Promise<void> {
    await this.table.send(
      'clear PIN failures',
      new DeleteCommand({ TableName: this.table.tableName, Key: pinGuardKey(reference) }),
    );
  }

  async findCustomer(contactPoint: string): Promise<Customer | undefined> {
    const item = await this.table.get('find customer', customerLookupKey(contactPoint));
    return item ? fromItem<Customer>(item) : undefined;
  }

  async putBooking(booking: Booking): Promise<void> {
    await this.batchWrite(
      'put booking',
      [{ ...withoutUndefined(booking), ...bookingKey(booking.reference), kind: 'booking' }],
      [],
    );
  }

  async putCustomer(customer: Customer): Promise<void> {
    const clean = withoutUndefined(customer);
    const contactPoints = [...new Set([...clean.phones, ...clean.emails, ...(clean.messengerIds ?? [])])];
    const previous = await this.table.get('put customer', customerKey(clean.id), true);
    const stale = ((previous?.contactPoints as string[] | undefined) ?? []).filter(
      (p) => !contactPoints.includes(p),
    );
    // No transactions here (dynalite has none): a crash midway leaves lookups a retry will repair.
    const puts: Item[] = [
      { ...clean, ...customerKey(clean.id), kind: 'customer', contactPoints },
      ...contactPoints.map((p) => ({ ...clean, ...customerLookupKey(p), kind: 'customer-lookup' })),
    ];
    await this.batchWrite('put customer', puts, stale.map(customerLookupKey));
  }

  private async batchGet(keys: ItemKey[]): Promise<Item[]> {
    const found: Item[] = [];
    let pending: ItemKey[] = keys;
    for (let round = 0; pending.length > 0 && round < MAX_BATCH_ROUNDS; round++) {
      const out = await this.table.send<{
        Responses?: Record<string, Item[]>;
        UnprocessedKeys?: Record<string, { Keys?: ItemKey[] }>;
      }>(
        'get booking',
        new BatchGetCommand({
          RequestItems: { [this.table.tableName]: { Keys: pending, ConsistentRead: true } },
        }),
      );
      found.push(...(out.Responses?.[this.table.tableName] ?? []));
      pending = out.UnprocessedKeys?.[this.table.tableName]?.Keys ?? [];
      if (pending.length > 0) await backOff(round);
    }
    if (pending.length > 0) throw this.unprocessed('get booking');
    return found;
  }

  private async batchWrite(action: string, puts: Item[], deletes: ItemKey[]): Promise<void> {
    const requests = [
      ...puts.map((Item) => ({ PutRequest: { Item } })),
      ...deletes.map((Key) => ({ DeleteRequest: { Key } })),
    ];
    for (let start = 0; start < requests.length; start += BATCH_WRITE_LIMIT) {
      let chunk: unknown[] = requests.slice(start, start + BATCH_WRITE_LIMIT);
      for (let round = 0; chunk.length > 0 && round < MAX_BATCH_ROUNDS; round++) {
        const out = await this.table.send<{ UnprocessedItems?: Record<string, unknown[]> }>(
          action,
          new BatchWriteCommand({ RequestItems: { [this.table.tableName]: chunk as never } }),
        );
        chunk = out.UnprocessedItems?.[this.table.tableName] ?? [];
        if (chunk.length > 0) await backOff(round);
      }
      if (chunk.length > 0) throw this.unprocessed(action);
    }
  }

  private unprocessed(action: string) {
    return gaveUp(action, 'items left unprocessed');
  }
}

// Unprocessed keys mean throttling: asking again at once would only be throttled again.
function backOff(round: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 25 * 2 ** round));
}
