import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Case, CaseEvent } from '../../domain/case';
import { boundedTimeline } from '../../domain/cases/full-timeline';
import type { CaseLifecycleStore } from '../../domain/store-ports';
import { fromItem, withoutUndefined } from './item-codec';
import { caseKey, FLAGGED_PARTITION, timeSortKey } from './keys';
import type { TableClient } from './table-client';
import { isConditionalCheckFailed, toDependencyError } from './translate-error';

type Item = Record<string, unknown>;
// Written by their own operations (creation), or derived here from the timeline, never set as given.
const NOT_SAVED = new Set(['caseNumber', 'timeline', 'revision']);

/**
 * The contact ids a case item answers "already on this case?" for, as a map (id → when): the timeline's,
 * so an append outside the lifecycle (appendToCase) can test one key instead of scanning a list.
 */
export function recentContacts(timeline: readonly CaseEvent[]): Record<string, string> {
  return Object.fromEntries(timeline.flatMap((e) => (e.contactId ? [[e.contactId, e.at]] : [])));
}

/**
 * The case items: read whole, saved by the lifecycle under an optimistic-concurrency condition. Every
 * save writes the timeline back bounded (boundedTimeline), so the item stays the same size however many
 * contacts the case gets, and a follow-up's read and write cost the same on the 2,000th contact.
 */
export class CaseItems implements CaseLifecycleStore {
  constructor(private readonly table: TableClient) {}

  async getCase(caseNumber: string): Promise<Case | undefined> {
    const item = await this.table.get('get case', caseKey(caseNumber), true);
    return item ? fromItem<Case>(item) : undefined;
  }

  /**
   * One UpdateItem: every field of the case set (or removed when undefined), the timeline as read plus
   * the events (bounded), the revision bumped; only over the revision `next` was read at, so the
   * timeline written back is never older than the stored one.
   */
  async saveCase(
    next: Case,
    expectedUpdatedAt: string,
    events: readonly CaseEvent[],
  ): Promise<'saved' | 'conflict'> {
    const timeline = boundedTimeline([...next.timeline, ...events]);
    const names: Record<string, string> = {
      '#timeline': 'timeline',
      '#recent': 'recentContacts',
      '#updatedAt': 'updatedAt',
      '#revision': 'revision',
    };
    const read = next.revision;
    const values: Item = {
      ':timeline': withoutUndefined(timeline),
      ':recent': recentContacts(timeline),
      ':expected': expectedUpdatedAt,
      ':next': (read ?? 0) + 1,
      ...(read === undefined ? {} : { ':read': read }),
    };
    const sets = ['#timeline = :timeline', '#recent = :recent', '#revision = :next'];
    const removes: string[] = [];
    Object.entries(next).forEach(([field, value], i) => {
      if (NOT_SAVED.has(field)) return;
      names[`#f${i}`] = field;
      if (value === undefined) removes.push(`#f${i}`);
      else {
        values[`:f${i}`] = withoutUndefined(value);
        sets.push(`#f${i} = :f${i}`);
      }
    });
    // A flagged case sits on the FLAGGED partition of gsi2 for supervisors; unflagged, it leaves it.
    names['#g2pk'] = 'gsi2pk';
    names['#g2sk'] = 'gsi2sk';
    if (next.flagged) {
      values[':g2pk'] = FLAGGED_PARTITION;
      values[':g2sk'] = timeSortKey(next.flagged.at, next.caseNumber);
      sets.push('#g2pk = :g2pk', '#g2sk = :g2sk');
    } else removes.push('#g2pk', '#g2sk');
    const expression = `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`;
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: caseKey(next.caseNumber),
          UpdateExpression: expression,
          ConditionExpression: `attribute_exists(pk) AND #updatedAt = :expected AND ${
            read === undefined ? 'attribute_not_exists(#revision)' : '#revision = :read'
          }`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      return 'saved';
    } catch (error) {
      if (isConditionalCheckFailed(error)) return 'conflict';
      throw toDependencyError(error, 'save case');
    }
  }
}
