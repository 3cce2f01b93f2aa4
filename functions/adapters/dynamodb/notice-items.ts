import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { BookingNotice, NoticeStore } from '../../domain/notify/notify-ports';
import { fromItem, withoutUndefined } from './item-codec';
import { bookingNoticesPartition, DUE_NOTICES_PARTITION, noticeKey, timeSortKey } from './keys';
import type { TableClient } from './table-client';
import { INDEXES } from './table-definition';
import { gaveUp } from './translate-error';

type Item = Record<string, unknown>;

// Above every character of a notice id: `${now}#~` sorts after every due-at-now key.
const AFTER_ANY_ID = '~';

/**
 * Booking notices on the main table, one item each, listed under its booking on gsi1 (for erasure); a
 * notice still due sits in the pending index's DUENOTICES partition by due time (a sparse index: done
 * notices leave it), so the sweep reads only what is due, never the table.
 */
export class DynamoNoticeStore implements NoticeStore {
  constructor(private readonly table: TableClient) {}

  async keep(notice: BookingNotice): Promise<BookingNotice> {
    const item = {
      ...withoutUndefined(notice),
      ...noticeKey(notice.id),
      kind: 'notice',
      // Under its booking too: an erasure finds a guest's notices by their booking references.
      gsi1pk: bookingNoticesPartition(notice.bookingRef),
      gsi1sk: timeSortKey(notice.createdAt, notice.id),
      ...(notice.state === 'due'
        ? { gsi3pk: DUE_NOTICES_PARTITION, gsi3sk: timeSortKey(notice.dueAt, notice.id) }
        : {}),
    };
    const put = await this.table.putUnless('keep booking notice', item, 'attribute_not_exists(pk)');
    if (put.written) return notice;
    if (!put.holder) throw gaveUp('keep booking notice', 'the notice vanished while being read');
    return fromItem<BookingNotice>(put.holder);
  }

  async due(now: Date, limit: number): Promise<BookingNotice[]> {
    const out = await this.table.send<{ Items?: Item[] }>(
      'list due booking notices',
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: INDEXES.pending,
        KeyConditionExpression: 'gsi3pk = :p AND gsi3sk <= :upto',
        ExpressionAttributeValues: {
          ':p': DUE_NOTICES_PARTITION,
          ':upto': `${now.toISOString()}#${AFTER_ANY_ID}`,
        },
        ScanIndexForward: true,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((item) => fromItem<BookingNotice>(item));
  }

  async markDone(id: string, at: string): Promise<void> {
    await this.table.send(
      'mark booking notice done',
      new UpdateCommand({
        TableName: this.table.tableName,
        Key: noticeKey(id),
        UpdateExpression: 'SET #state = :done, doneAt = :at REMOVE gsi3pk, gsi3sk',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':done': 'done', ':at': at },
      }),
    );
  }

  async get(id: string): Promise<BookingNotice | undefined> {
    const item = await this.table.get('get booking notice', noticeKey(id), true);
    return item ? fromItem<BookingNotice>(item) : undefined;
  }
}
