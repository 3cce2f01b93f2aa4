import { BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Incident, IncidentCase } from '../../domain/incidents/incident';
import type { BookingNotice } from '../../domain/notify/notify-ports';
import type { OutboundRecord } from '../../domain/outbound/ledger';
import type { BookingNewsStore } from '../../domain/privacy/erasure-ports';
import { incidentCaseOf } from './incident-items';
import { queryAll, queryIndex } from './index-query';
import { fromItem, withoutUndefined } from './item-codec';
import {
  bookingNoticesPartition,
  INCIDENT_LIST_PARTITION,
  type ItemKey,
  incidentCaseKey,
  incidentKey,
  noticeKey,
  outboundKey,
} from './keys';
import { outboundRecordOf } from './outbound-ledger';
import type { TableClient } from './table-client';
import { INDEXES, KEYS } from './table-definition';
import { gaveUp, isConditionalCheckFailed, toDependencyError } from './translate-error';

type Item = Record<string, unknown>;
// Two writers on one incident item (a contact attached, the cursor moved) make a conditional write fail.
const MAX_ROUNDS = 5;
const BATCH_WRITE_LIMIT = 25;
const MAX_BATCH_ROUNDS = 4;

/**
 * Keys, index keys and bookkeeping (TTL, appended contact ids) of an item: whatever it holds beyond
 * its domain object. A rewritten item keeps them, so it is listed and expires where it was.
 */
export function storageOf(raw: Item): Item {
  const domain = fromItem<Item>(raw);
  return Object.fromEntries(Object.entries(raw).filter(([name]) => !(name in domain)));
}

/**
 * What booking updates and incidents hold of a guest, on the main table: notices by booking (gsi1
 * `NOTICES#{ref}`), incidents by their list (gsi1 `INCIDENTS`, filtered on the references), messages
 * and attached cases by key (docs/dynamodb-key-design.md, "Erasure").
 */
export class ErasureNewsItems implements BookingNewsStore {
  constructor(protected readonly table: TableClient) {}

  noticesOfBooking(reference: string): Promise<BookingNotice[]> {
    return queryIndex<BookingNotice>(this.table, {
      action: 'erasure: notices of booking',
      indexName: INDEXES.byCase,
      partitionAttribute: KEYS.gsi1pk,
      partition: bookingNoticesPartition(reference),
      ascending: true,
    });
  }

  async deleteNotice(id: string): Promise<void> {
    await this.deleteAll('erasure: delete notice', [noticeKey(id)]);
  }

  async getOutbound(id: string): Promise<OutboundRecord | undefined> {
    const item = await this.table.get('erasure: get outbound', outboundKey(id), true);
    return item ? outboundRecordOf(item) : undefined;
  }

  async moveOutbound(fromId: string, record: OutboundRecord): Promise<void> {
    const raw = await this.table.get('erasure: read outbound to move', outboundKey(fromId), true);
    if (!raw) return;
    // Where it goes is written on it first: a move cut short goes on to the same id, never to a second.
    const toId = await this.markMove(fromId, record.id);
    if (!toId) return;
    // Index keys name the message id (`{createdAt}#{id}`), and so may a provider id (the local outbox's):
    // they take the new one.
    const renamed = (value: unknown) => (typeof value === 'string' ? value.replace(fromId, toId) : value);
    const storage = Object.fromEntries(
      Object.entries(storageOf(raw)).map(([name, value]) => [
        name,
        /^gsi\d/.test(name) ? renamed(value) : value,
      ]),
    );
    const fields = {
      ...record,
      id: toId,
      providerMessageId: renamed(record.providerMessageId),
      movedTo: undefined,
    };
    await this.table.putUnless(
      'erasure: write moved outbound',
      { ...storage, ...withoutUndefined(fields), ...outboundKey(toId) },
      'attribute_not_exists(pk)',
    );
    await this.deleteAll('erasure: delete moved outbound', [outboundKey(fromId)]);
  }

  async incidentsOfBookings(references: readonly string[]): Promise<Incident[]> {
    if (references.length === 0) return [];
    const values: Item = { ':p': INCIDENT_LIST_PARTITION };
    const tests = references.map((reference, i) => {
      values[`:r${i}`] = reference;
      return `contains(bookingRefs, :r${i}) OR contains(#m.bookingRefs, :r${i}) OR contains(resolvedGuests, :r${i})`;
    });
    const items = await queryAll(this.table, 'erasure: incidents of bookings', {
      IndexName: INDEXES.byCase,
      KeyConditionExpression: 'gsi1pk = :p',
      FilterExpression: tests.join(' OR '),
      ExpressionAttributeNames: { '#m': 'match' },
      ExpressionAttributeValues: values,
    });
    return items.map((item) => fromItem<Incident>(item));
  }

  async incidentCase(incidentId: string, caseNumber: string): Promise<IncidentCase | undefined> {
    const item = await this.table.get('erasure: get incident case', incidentCaseKey(incidentId, caseNumber));
    return item ? incidentCaseOf(item) : undefined;
  }

  async eraseIncidentCase(incidentId: string, caseNumber: string, bookingRef: string): Promise<void> {
    const key = incidentCaseKey(incidentId, caseNumber);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const item = await this.table.get('erasure: read incident case', key, true);
      if (!item) return;
      const count = ((item.contactIds as Set<string> | undefined) ?? new Set()).size;
      // Only if no contact was attached since the read: else it would be dropped uncounted.
      const unchanged = count > 0 ? 'size(contactIds) = :n' : 'attribute_not_exists(contactIds)';
      const written = await this.updateIf(
        'erasure: anonymise incident case',
        key,
        'SET bookingRef = :ref, erasedContacts = if_not_exists(erasedContacts, :zero) + :n REMOVE contactIds',
        `attribute_exists(pk) AND ${unchanged}`,
        { ':ref': bookingRef, ':n': count, ':zero': 0 },
      );
      if (written) return;
    }
    throw gaveUp('erasure: anonymise incident case', 'the attached case kept changing');
  }

  async replaceIncidentRef(incidentId: string, reference: string, replacement: string): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const item = await this.table.get('erasure: read incident', incidentKey(incidentId), true);
      if (!item) return;
      const incident = fromItem<Incident>(item);
      const at = incident.bookingRefs.indexOf(reference);
      const inMatch = incident.match.bookingRefs?.indexOf(reference) ?? -1;
      // The guests who wrote to an incident that did not notify, kept until each is told its resolution.
      const told = incident.resolvedGuests?.indexOf(reference) ?? -1;
      if (at < 0 && inMatch < 0 && told < 0) return;
      const sets: string[] = [];
      const checks = ['attribute_exists(pk)'];
      if (at >= 0) {
        sets.push(`bookingRefs[${at}] = :new`);
        checks.push(`bookingRefs[${at}] = :old`);
      }
      if (inMatch >= 0) {
        sets.push(`#m.bookingRefs[${inMatch}] = :new`);
        checks.push(`#m.bookingRefs[${inMatch}] = :old`);
      }
      if (told >= 0) {
        sets.push(`resolvedGuests[${told}] = :new`);
        checks.push(`resolvedGuests[${told}] = :old`);
      }
      const written = await this.updateIf(
        'erasure: replace incident booking',
        incidentKey(incidentId),
        `SET ${sets.join(', ')}`,
        checks.join(' AND '),
        { ':new': replacement, ':old': reference },
        inMatch >= 0 ? { '#m': 'match' } : undefined,
      );
      if (written) return;
    }
    throw gaveUp('erasure: replace incident booking', 'the incident kept changing');
  }

  /** Marks where a message moves (unless an earlier move did); the id it moves to, none when it is gone. */
  private async markMove(fromId: string, toId: string): Promise<string | undefined> {
    try {
      const out = await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: outboundKey(fromId),
          UpdateExpression: 'SET movedTo = if_not_exists(movedTo, :to)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':to': toId },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return String(out.Attributes?.movedTo ?? toId);
    } catch (error) {
      if (isConditionalCheckFailed(error)) return undefined;
      throw toDependencyError(error, 'erasure: mark outbound move');
    }
  }

  /** Deletes items by key in BatchWriteItem requests (erase-guest is granted no DeleteItem). */
  protected async deleteAll(action: string, all: readonly ItemKey[]): Promise<void> {
    // A batch naming one key twice is refused whole.
    const keys = [...new Map(all.map((key) => [`${key.pk}\u0000${key.sk}`, key])).values()];
    for (let start = 0; start < keys.length; start += BATCH_WRITE_LIMIT) {
      let pending: Item[] = keys
        .slice(start, start + BATCH_WRITE_LIMIT)
        .map((Key) => ({ DeleteRequest: { Key } }));
      for (let round = 0; pending.length > 0; round++) {
        if (round >= MAX_BATCH_ROUNDS) throw gaveUp(action, 'deletes left unprocessed');
        const out = await this.table.send<{ UnprocessedItems?: Record<string, Item[]> }>(
          action,
          new BatchWriteCommand({ RequestItems: { [this.table.tableName]: pending } }),
        );
        pending = out.UnprocessedItems?.[this.table.tableName] ?? [];
      }
    }
  }

  private async updateIf(
    action: string,
    key: ItemKey,
    expression: string,
    condition: string,
    values: Item,
    names?: Record<string, string>,
  ): Promise<boolean> {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: key,
          UpdateExpression: expression,
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
          ...(names ? { ExpressionAttributeNames: names } : {}),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw toDependencyError(error, action);
    }
  }
}
