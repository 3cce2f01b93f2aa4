import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Case, CaseEvent } from '../../domain/case';
import { isActive } from '../../domain/cases/follow-up';
import type { EmailCaseStore, MessageRef } from '../../domain/email/email-ports';
import { NotFoundError } from '../../domain/errors';
import type { ContactRecord } from '../../domain/ports';
import { CaseItems } from './case-items';
import { ContactItems } from './contact-items';
import { EmailItems } from './email-items';
import { fromItem, withoutUndefined } from './item-codec';
import { CASE_LIST_PARTITION, caseKey, contactCaseKey, openCaseKey, timeSortKey } from './keys';
import { TableClient } from './table-client';
import { INDEXES, TTL_ATTRIBUTE, ttlSeconds } from './table-definition';
import { gaveUp, isConditionalCheckFailed, toDependencyError } from './translate-error';

type Item = Record<string, unknown>;
type RoutingUpdate = Partial<Pick<Case, 'queue' | 'priority' | 'topic'>>;
// A slot can be freed between our failed claim and our read of its holder; then we simply claim again.
const MAX_CLAIM_ROUNDS = 3;
// A contact's case pin only matters while that contact can still be retried before its own record is
// stored: the longest wait is a dead-lettered email replayed within the queues' 14-day retention. Once
// the record exists it answers every duplicate, so DynamoDB's TTL may drop the pin after 30 days.
const CONTACT_PIN_TTL_SECONDS = 30 * 86_400;

/** CaseStore on the main table; every write is a single-item conditional write (no transactions). */
export class DynamoCaseStore implements EmailCaseStore {
  private readonly table: TableClient;
  private readonly contacts: ContactItems;
  private readonly email: EmailItems;
  private readonly cases: CaseItems;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.table = new TableClient(client, tableName);
    this.cases = new CaseItems(this.table);
    this.contacts = new ContactItems(this.table);
    this.email = new EmailItems(this.table);
  }

  claimMessage(messageKey: string, contactId: string, now: Date, staleBefore: Date) {
    return this.email.claimMessage(messageKey, contactId, now, staleBefore);
  }
  rememberMessageIds(keys: readonly string[], ref: MessageRef) {
    return this.email.rememberMessageIds(keys, ref);
  }
  findByMessageIds(keys: readonly string[]) {
    return this.email.findByMessageIds(keys);
  }

  getContact(id: string) {
    return this.contacts.get(id);
  }
  putContactOnce(record: ContactRecord) {
    return this.contacts.putOnce(record);
  }
  markHandedOff(id: string, outcome: { ok: true } | { ok: false; error: string }) {
    return this.contacts.markHandedOff(id, outcome);
  }
  listPendingHandoffs(limit: number) {
    return this.contacts.listPending(limit);
  }
  listContactsOfCase(caseNumber: string) {
    return this.contacts.listOfCase(caseNumber);
  }

  getCase(caseNumber: string): Promise<Case | undefined> {
    return this.cases.getCase(caseNumber);
  }
  saveCase(next: Case, expectedUpdatedAt: string, events: readonly CaseEvent[]) {
    return this.cases.saveCase(next, expectedUpdatedAt, events);
  }

  async findLatestCase(ownerKey: string, bookingRef: string | undefined): Promise<Case | undefined> {
    if (!bookingRef) return this.findLatestOfOwner(ownerKey);
    const slot = await this.table.get('find case', openCaseKey(ownerKey, bookingRef));
    if (typeof slot?.caseNumber !== 'string') return undefined;
    return this.getCase(slot.caseNumber);
  }

  // "Any news?" names no booking: it continues the active case about no booking, else the owner's most
  // recently updated active case, else the latest settled one (it may reopen). One Query reads all of
  // an owner's slots (there are only a few).
  private async findLatestOfOwner(ownerKey: string): Promise<Case | undefined> {
    const { pk } = openCaseKey(ownerKey, undefined);
    const out = await this.table.send<{ Items?: Item[] }>(
      'find open case',
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ConsistentRead: true,
      }),
    );
    const slots = (out.Items ?? []).filter((item) => typeof item.caseNumber === 'string');
    const cases = await Promise.all(slots.map((slot) => this.getCase(slot.caseNumber as string)));
    const known = cases.filter((kase): kase is Case => kase !== undefined);
    const latest = (list: Case[]) => list.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    const active = known.filter((kase) => isActive(kase.status));
    return active.find((kase) => kase.bookingRef === undefined) ?? latest(active) ?? latest(known);
  }

  async createCase(kase: Case, originContactId: string): Promise<'created' | 'exists' | 'taken'> {
    const item = {
      ...withoutUndefined(kase),
      ...caseKey(kase.caseNumber),
      kind: 'case',
      originContactId,
      // The opening contact is on the case already: a retry of it after a crash must not append it again.
      appendedContacts: new Set([originContactId]),
      gsi1pk: CASE_LIST_PARTITION,
      gsi1sk: timeSortKey(kase.openedAt, kase.caseNumber),
    };
    // Never overwrite: a redelivered contact must not wipe events appended since the case was created.
    const put = await this.table.putUnless('create case', item, 'attribute_not_exists(pk)');
    if (put.written) return 'created';
    return put.holder?.originContactId === originContactId ? 'exists' : 'taken';
  }

  async claimOpenCase(
    ownerKey: string,
    bookingRef: string | undefined,
    caseNumber: string,
    replacing?: string,
  ): Promise<string> {
    const slot = { ...openCaseKey(ownerKey, bookingRef), kind: 'open-case', caseNumber };
    for (let round = 0; round < MAX_CLAIM_ROUNDS; round++) {
      const put = await this.table.putUnless(
        'claim open case',
        slot,
        `attribute_not_exists(pk) OR caseNumber = :mine${replacing ? ' OR caseNumber = :settled' : ''}`,
        { ':mine': caseNumber, ...(replacing ? { ':settled': replacing } : {}) },
      );
      if (put.written) return caseNumber;
      if (typeof put.holder?.caseNumber === 'string') return put.holder.caseNumber;
    }
    throw gaveUp('claim open case', 'the slot keeps changing hands');
  }

  async pinContactCase(contactId: string, destination: string): Promise<string> {
    const pin = {
      ...contactCaseKey(contactId),
      kind: 'contact-case',
      destination,
      [TTL_ATTRIBUTE]: ttlSeconds(Date.now()) + CONTACT_PIN_TTL_SECONDS,
    };
    const put = await this.table.putUnless('pin contact case', pin, 'attribute_not_exists(pk)');
    if (put.written) return destination;
    if (typeof put.holder?.destination === 'string') return put.holder.destination;
    throw gaveUp('pin contact case', 'the pin vanished while being read');
  }

  async appendToCase(caseNumber: string, event: CaseEvent, update: RoutingUpdate): Promise<void> {
    const names: Record<string, string> = { '#timeline': 'timeline', '#updatedAt': 'updatedAt' };
    const values: Item = { ':event': [withoutUndefined(event)], ':at': event.at };
    const sets = ['#timeline = list_append(#timeline, :event)', '#updatedAt = :at'];
    for (const [field, value] of Object.entries(update)) {
      if (value === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    }
    // Every further message on the case is a "contact" event: that is what contactCount counts. The
    // revision moves too, so a lifecycle save based on an earlier read cannot overwrite this one.
    names['#revision'] = 'revision';
    values[':one'] = 1;
    const adds = ['#revision :one', ...(event.type === 'contact' ? ['contactCount :one'] : [])];
    // A contact is appended once, whoever retries: the case remembers which contacts it has appended.
    let condition: string | undefined;
    if (event.contactId) {
      names['#appended'] = 'appendedContacts';
      values[':contact'] = event.contactId;
      values[':contacts'] = new Set([event.contactId]);
      adds.push('#appended :contacts');
      condition = 'NOT contains(#appended, :contact)';
    }
    const add = adds.length > 0 ? ` ADD ${adds.join(', ')}` : '';
    await this.updateCase(
      'append to case',
      caseNumber,
      `SET ${sets.join(', ')}${add}`,
      names,
      values,
      condition,
    );
  }

  async listCases(limit: number): Promise<Case[]> {
    return this.contacts.query<Case>(
      'list cases',
      INDEXES.byCase,
      'gsi1pk',
      CASE_LIST_PARTITION,
      false,
      limit,
    );
  }

  /** Updates an existing case; undefined when `extraCondition` fails, NotFoundError when there is no case. */
  private async updateCase(
    action: string,
    caseNumber: string,
    expression: string,
    names: Record<string, string>,
    values: Item,
    extraCondition?: string,
  ): Promise<Case | undefined> {
    try {
      const out = await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: caseKey(caseNumber),
          UpdateExpression: expression,
          ConditionExpression: `attribute_exists(pk)${extraCondition ? ` AND ${extraCondition}` : ''}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes ? fromItem<Case>(out.Attributes) : undefined;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw toDependencyError(error, action);
      if (extraCondition) return undefined;
      throw new NotFoundError('case', caseNumber);
    }
  }
}
