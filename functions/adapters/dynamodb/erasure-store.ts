import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Booking } from '../../domain/booking';
import type { Case } from '../../domain/case';
import { CHANNELS } from '../../domain/contact';
import type { Customer } from '../../domain/customer';
import type { OutboundRecord } from '../../domain/outbound/ledger';
import type { ContactRecord } from '../../domain/ports';
import type { ErasureStore } from '../../domain/privacy/erasure-ports';
import { ErasureNewsItems, storageOf } from './erasure-news-items';
import { queryAll, queryIndex } from './index-query';
import { fromItem, withoutUndefined } from './item-codec';
import {
  awaitedSurveyKey,
  bookingKey,
  caseContactsPartition,
  caseKey,
  caseOutboundPartition,
  contactKey,
  customerKey,
  customerLookupKey,
  type ItemKey,
  onePerKey,
  openCasesKey,
  optOutKey,
  outboundKey,
  outboundRateKey,
  pinGuardKey,
  surveyOwnerKey,
} from './keys';
import { readOpenCases } from './open-case-slots';
import { outboundRecordOf } from './outbound-ledger';
import { TableClient } from './table-client';
import { INDEXES } from './table-definition';

type Item = Record<string, unknown>;

/**
 * ErasureStore on the main table: every item of a guest is reached by key or by a Query on its own
 * partition (docs/dynamodb-key-design.md, "Erasure"); nothing scans the table. What booking updates
 * and incidents hold is reached as ErasureNewsItems reaches it.
 */
export class DynamoErasureStore extends ErasureNewsItems implements ErasureStore {
  constructor(client: DynamoDBDocumentClient, tableName: string) {
    super(new TableClient(client, tableName));
  }

  async findCustomer(contactPoint: string): Promise<Customer | undefined> {
    const item = await this.table.get('erasure: find customer', customerLookupKey(contactPoint), true);
    return item ? fromItem<Customer>(item) : undefined;
  }

  async latestCasesOf(ownerKey: string): Promise<string[]> {
    const slots = await readOpenCases(this.table, ownerKey);
    return [...(slots.noBooking ? [slots.noBooking] : []), ...Object.values(slots.byBooking)];
  }

  async getCase(caseNumber: string): Promise<Case | undefined> {
    const item = await this.table.get('erasure: get case', caseKey(caseNumber), true);
    return item ? fromItem<Case>(item) : undefined;
  }

  contactsOfCase(caseNumber: string): Promise<ContactRecord[]> {
    return queryIndex<ContactRecord>(this.table, {
      action: 'erasure: contacts of case',
      indexName: INDEXES.byCase,
      partitionAttribute: 'gsi1pk',
      partition: caseContactsPartition(caseNumber),
      ascending: true,
    });
  }

  async outboundOfCase(caseNumber: string): Promise<OutboundRecord[]> {
    const items = await this.partition('erasure: outbound of case', caseOutboundPartition(caseNumber), true);
    return items.map(outboundRecordOf);
  }

  async getBooking(reference: string): Promise<Booking | undefined> {
    const item = await this.table.get('erasure: get booking', bookingKey(reference), true);
    return item ? fromItem<Booking>(item) : undefined;
  }

  async replaceCase(kase: Case): Promise<'saved' | 'conflict'> {
    const raw = await this.table.get('erasure: read case', caseKey(kase.caseNumber), true);
    if (!raw || raw.revision !== kase.revision) return 'conflict';
    const { revision: read, ...fields } = kase;
    const put = await this.table.putUnless(
      'erasure: rewrite case',
      {
        ...storageOf(raw),
        ...withoutUndefined(fields),
        ...caseKey(kase.caseNumber),
        revision: (read ?? 0) + 1,
      },
      read === undefined ? 'attribute_not_exists(revision)' : 'revision = :read',
      read === undefined ? undefined : { ':read': read },
    );
    return put.written ? 'saved' : 'conflict';
  }

  async replaceContact(record: ContactRecord): Promise<void> {
    const raw = await this.table.get('erasure: read contact', contactKey(record.id), true);
    if (!raw) return;
    await this.table.putUnless(
      'erasure: rewrite contact',
      { ...storageOf(raw), ...withoutUndefined(record), ...contactKey(record.id) },
      'attribute_exists(pk)',
    );
  }

  async replaceOutbound(record: OutboundRecord): Promise<void> {
    const raw = await this.table.get('erasure: read outbound', outboundKey(record.id), true);
    if (!raw) return;
    await this.table.putUnless(
      'erasure: rewrite outbound',
      { ...storageOf(raw), ...withoutUndefined(record), ...outboundKey(record.id) },
      'attribute_exists(pk)',
    );
  }

  async deleteBooking(reference: string): Promise<void> {
    // The PIN guard goes with it: its key names the booking.
    await this.deleteAll('erasure: delete booking', [bookingKey(reference), pinGuardKey(reference)]);
  }

  async forgetOnePer(keys: readonly string[]): Promise<void> {
    await this.deleteAll('erasure: forget one-per claims', keys.map(onePerKey));
  }

  async forgetOwners(ownerKeys: readonly string[], contactPoints: readonly string[]): Promise<void> {
    // Slots: one item per owner. Rate counters: one partition per address, a row per hour. Opt-outs:
    // one partition per address, a row per channel (docs/cases.md says why they go). Survey bookkeeping:
    // the owner's last survey, and the survey awaited from an address on each channel.
    const keys: ItemKey[] = [...ownerKeys.map(openCasesKey), ...ownerKeys.map(surveyOwnerKey)];
    for (const point of contactPoints) {
      keys.push(...CHANNELS.map((channel) => awaitedSurveyKey(channel, point)));
      const rates = await this.partition('erasure: outbound rates', outboundRateKey(point, '').pk);
      const optOuts = await this.partition('erasure: opt-outs', optOutKey(point, '').pk);
      keys.push(...rates.map(keyOf), ...optOuts.map(keyOf));
    }
    await this.deleteAll('erasure: forget owners', keys);
  }

  async deleteCustomer(customer: Customer): Promise<void> {
    const stored = await this.table.get('erasure: read customer', customerKey(customer.id), true);
    const points = new Set([
      ...customer.phones,
      ...customer.emails,
      ...((stored?.contactPoints as string[] | undefined) ?? []),
    ]);
    await this.deleteAll('erasure: delete customer', [
      customerKey(customer.id),
      ...[...points].map(customerLookupKey),
    ]);
  }

  /** Every item of one partition (few: an address's counters, a case's messages), keys and values. */
  private partition(action: string, pk: string, byCase = false): Promise<Item[]> {
    return queryAll(this.table, action, {
      // A global index cannot be read consistently; a message claimed during the erasure is missed.
      ...(byCase
        ? { IndexName: INDEXES.byCase, KeyConditionExpression: 'gsi1pk = :pk' }
        : { KeyConditionExpression: 'pk = :pk', ConsistentRead: true }),
      ExpressionAttributeValues: { ':pk': pk },
    });
  }
}

const keyOf = (item: Item): ItemKey => ({ pk: String(item.pk), sk: String(item.sk) });
