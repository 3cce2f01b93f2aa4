import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Case, CaseEvent } from '../../domain/case';
import { boundedTimeline } from '../../domain/cases/full-timeline';
import { NotFoundError } from '../../domain/errors';
import type { CaseRecords, OpenCaseSlots } from '../../domain/store-ports';
import { CaseItems, recentContacts } from './case-items';
import { queryIndex } from './index-query';
import { withoutUndefined } from './item-codec';
import { CASE_LIST_PARTITION, caseKey, FLAGGED_PARTITION, timeSortKey } from './keys';
import { claimOpenCaseSlot, readOpenCases } from './open-case-slots';
import { TableClient } from './table-client';
import { INDEXES } from './table-definition';
import { isConditionalCheckFailed, toDependencyError } from './translate-error';

type Item = Record<string, unknown>;
type RoutingUpdate = Partial<Pick<Case, 'queue' | 'priority' | 'topic'>>;

/**
 * CaseRecords on the main table: the case items (CaseItems), the owners' open-case slots
 * (open-case-slots.ts) and the case list. Every write is a single-item conditional write.
 */
export class DynamoCaseRecords implements CaseRecords {
  private readonly table: TableClient;
  private readonly items: CaseItems;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.table = new TableClient(client, tableName);
    this.items = new CaseItems(this.table);
  }

  getCase(caseNumber: string): Promise<Case | undefined> {
    return this.items.getCase(caseNumber);
  }

  saveCase(next: Case, expectedUpdatedAt: string, events: readonly CaseEvent[]) {
    return this.items.saveCase(next, expectedUpdatedAt, events);
  }

  openCases(ownerKey: string): Promise<OpenCaseSlots> {
    return readOpenCases(this.table, ownerKey);
  }

  claimOpenCase(ownerKey: string, bookingRef: string | undefined, caseNumber: string, replacing?: string) {
    return claimOpenCaseSlot(this.table, ownerKey, bookingRef, caseNumber, replacing);
  }

  async createCase(kase: Case, originContactId: string): Promise<'created' | 'exists' | 'taken'> {
    const timeline = boundedTimeline(kase.timeline);
    const item = {
      ...withoutUndefined({ ...kase, timeline }),
      ...caseKey(kase.caseNumber),
      kind: 'case',
      originContactId,
      // The opening contact is on the case already: a retry of it after a crash must not append it again.
      recentContacts: { ...recentContacts(timeline), [originContactId]: kase.openedAt },
      gsi1pk: CASE_LIST_PARTITION,
      gsi1sk: timeSortKey(kase.openedAt, kase.caseNumber),
    };
    // Never overwrite: a redelivered contact must not wipe events appended since the case was created.
    const put = await this.table.putUnless('create case', item, 'attribute_not_exists(pk)');
    if (put.written) return 'created';
    return put.holder?.originContactId === originContactId ? 'exists' : 'taken';
  }

  /**
   * Appends one event in place (no read): "acknowledged", or a contact that could not get through the
   * lifecycle (recordContactOnCase's last resort), then at most once per contact id. The next lifecycle
   * save bounds the timeline again.
   */
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
    let condition = 'attribute_exists(pk)';
    if (event.contactId) {
      names['#recent'] = 'recentContacts';
      names['#contact'] = event.contactId;
      sets.push('#recent.#contact = :at');
      condition += ' AND attribute_not_exists(#recent.#contact)';
    }
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: caseKey(caseNumber),
          UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw toDependencyError(error, 'append to case');
      // The contact is on the case already (a retry): nothing to do. No case at all is an error.
      if (event.contactId && (await this.items.getCase(caseNumber))) return;
      throw new NotFoundError('case', caseNumber);
    }
  }

  listCases(limit: number): Promise<Case[]> {
    return queryIndex<Case>(this.table, {
      action: 'list cases',
      indexName: INDEXES.byCase,
      partitionAttribute: 'gsi1pk',
      partition: CASE_LIST_PARTITION,
      ascending: false,
      limit,
    });
  }

  listFlaggedCases(limit: number): Promise<Case[]> {
    return queryIndex<Case>(this.table, {
      action: 'list flagged cases',
      indexName: INDEXES.outbox,
      partitionAttribute: 'gsi2pk',
      partition: FLAGGED_PARTITION,
      ascending: true,
      limit,
    });
  }
}
