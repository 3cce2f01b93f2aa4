import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { fromItem, withoutUndefined } from './item-codec';
import {
  agentEventKey,
  caseTaskKey,
  OPEN_TASKS_PARTITION,
  sweepCursorKey,
  taskRefKey,
  timeSortKey,
} from './keys';
import type { TableClient } from './table-client';
import { INDEXES, ttlSeconds } from './table-definition';
import { isConditionalCheckFailed, toDependencyError } from './translate-error';

/**
 * Where a case's Connect task is, as far as we know: queued (waiting for an agent), with_agent,
 * disconnected (the agent may still be in after-contact work), ended (nothing more will happen).
 */
export type TaskState = 'queued' | 'with_agent' | 'disconnected' | 'ended';

/** The Connect task currently carrying a case. */
export interface CaseTask {
  readonly caseNumber: string;
  /** Connect's ContactId of the task. */
  readonly contactId: string;
  /** 1 for the case's first task, +1 for each task started after the previous one ended. */
  readonly generation: number;
  readonly state: TaskState;
  /** When the task entered the Connect queue (the base of QueueTimeAdjustmentSeconds). */
  readonly enqueuedAt: string;
  /** When the state was last learned (an event, a DescribeContact, our own call). */
  readonly stateAt: string;
  readonly queue: string;
  readonly agentId?: string | undefined;
  /** The QueuePriority last sent, so escalation sends only changes. */
  readonly prioritySent?: number | undefined;
  /** The due time the routing-age adjustment was computed for (sent once per task and due time). */
  readonly adjustedForDue?: string | undefined;
  /** How many tasks of the case ended without an agent right before this one (restarted tasks). */
  readonly unansweredBefore?: number | undefined;
}

/** A page of open tasks and where the next one starts (opaque), when there may be more. */
export interface OpenTasksPage {
  readonly tasks: CaseTask[];
  readonly next?: string | undefined;
}

type Changes = Partial<Pick<CaseTask, 'state' | 'stateAt' | 'agentId' | 'prioritySent' | 'adjustedForDue'>>;
const EVENT_MEMORY_DAYS = 7;

/** One item per case for its Connect task, a lookup per task, and applied event ids; conditional writes. */
export class CaseTaskItems {
  constructor(private readonly table: TableClient) {}

  async get(caseNumber: string, consistent = true): Promise<CaseTask | undefined> {
    const item = await this.table.get('get case task', caseTaskKey(caseNumber), consistent);
    return item ? fromItem<CaseTask>(item) : undefined;
  }

  /** The case and generation of a Connect contact, if the contact is one of our tasks. */
  async findByContact(contactId: string): Promise<{ caseNumber: string; generation: number } | undefined> {
    const item = await this.table.get('find task by contact', taskRefKey(contactId));
    return item ? { caseNumber: String(item.caseNumber), generation: Number(item.generation) } : undefined;
  }

  /**
   * Records a newly started task unless a later or equal generation is already recorded with another
   * contact (a racing hand-off won); returns the task that holds the case then.
   */
  async start(task: CaseTask): Promise<CaseTask> {
    await this.table.putUnless(
      'record task lookup',
      { ...taskRefKey(task.contactId), caseNumber: task.caseNumber, generation: task.generation },
      'attribute_not_exists(pk) OR caseNumber = :case',
      { ':case': task.caseNumber },
    );
    const put = await this.table.putUnless(
      'record case task',
      { ...caseTaskKey(task.caseNumber), ...withoutUndefined(task), ...openIndex(task) },
      'attribute_not_exists(pk) OR generation < :gen OR contactId = :contact',
      { ':gen': task.generation, ':contact': task.contactId },
    );
    if (put.written || !put.holder) return task;
    return fromItem<CaseTask>(put.holder);
  }

  /**
   * Changes the case's task if it is still `contactId` (an event about an older task changes nothing)
   * and, with `from`, only while it is in one of those states. Returns the task after, or undefined.
   */
  async update(
    caseNumber: string,
    contactId: string,
    changes: Changes,
    from?: readonly TaskState[],
  ): Promise<CaseTask | undefined> {
    const values: Record<string, unknown> = { ':contact': contactId };
    const sets: string[] = [];
    const names: Record<string, string> = {};
    for (const [name, value] of Object.entries(withoutUndefined(changes))) {
      names[`#${name}`] = name;
      values[`:${name}`] = value;
      sets.push(`#${name} = :${name}`);
    }
    let indexPart = '';
    if (changes.state === 'ended') indexPart = ' REMOVE gsi3pk, gsi3sk';
    else if (changes.stateAt) {
      sets.push('gsi3pk = :open', 'gsi3sk = :sk');
      values[':open'] = OPEN_TASKS_PARTITION;
      values[':sk'] = timeSortKey(changes.stateAt, caseNumber);
    }
    let condition = 'contactId = :contact';
    if (from) {
      names['#state'] = 'state';
      condition += ` AND #state IN (${from.map((_, i) => `:from${i}`).join(', ')})`;
      from.forEach((state, i) => {
        values[`:from${i}`] = state;
      });
    }
    try {
      const out = await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: caseTaskKey(caseNumber),
          UpdateExpression: `SET ${sets.join(', ')}${indexPart}`,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes ? fromItem<CaseTask>(out.Attributes) : undefined;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return undefined;
      throw toDependencyError(error, 'update case task');
    }
  }

  /**
   * One page of open tasks whose state was last learned before `before`, oldest first, starting after
   * `cursor` (from an earlier page); `next` is set while more may follow.
   */
  async listOpenPage(before: string, limit: number, cursor?: string): Promise<OpenTasksPage> {
    const out = await this.table.send<{
      Items?: Record<string, unknown>[];
      LastEvaluatedKey?: Record<string, unknown>;
    }>(
      'list open tasks',
      new QueryCommand({
        TableName: this.table.tableName,
        IndexName: INDEXES.pending,
        KeyConditionExpression: 'gsi3pk = :open AND gsi3sk < :before',
        ExpressionAttributeValues: { ':open': OPEN_TASKS_PARTITION, ':before': before },
        Limit: limit,
        ...(cursor ? { ExclusiveStartKey: JSON.parse(cursor) as Record<string, unknown> } : {}),
      }),
    );
    const tasks = (out.Items ?? []).map((item) => fromItem<CaseTask>(item));
    return out.LastEvaluatedKey ? { tasks, next: JSON.stringify(out.LastEvaluatedKey) } : { tasks };
  }

  /** Where the sweep `name` resumes reading, if an earlier run stopped midway. */
  async sweepCursor(name: string): Promise<string | undefined> {
    const item = await this.table.get('get sweep cursor', sweepCursorKey(name), true);
    return typeof item?.cursor === 'string' ? item.cursor : undefined;
  }

  /** Keeps (or, with undefined, forgets) where the sweep `name` resumes reading. */
  async saveSweepCursor(name: string, cursor: string | undefined): Promise<void> {
    await this.table.send(
      'save sweep cursor',
      cursor === undefined
        ? new DeleteCommand({ TableName: this.table.tableName, Key: sweepCursorKey(name) })
        : new PutCommand({ TableName: this.table.tableName, Item: { ...sweepCursorKey(name), cursor } }),
    );
  }

  /** Claims an event id once; false when it was applied already. */
  async claimEvent(source: string, eventId: string, now: Date): Promise<boolean> {
    const put = await this.table.putUnless(
      'claim contact-centre event',
      {
        ...agentEventKey(source, eventId),
        ttl: ttlSeconds(now.getTime() + EVENT_MEMORY_DAYS * 86_400_000),
      },
      'attribute_not_exists(pk)',
    );
    return put.written;
  }

  /** Forgets a claimed event whose handling failed, so its redelivery is applied. */
  async releaseEvent(source: string, eventId: string): Promise<void> {
    await this.table.send(
      'release contact-centre event',
      new DeleteCommand({ TableName: this.table.tableName, Key: agentEventKey(source, eventId) }),
    );
  }
}

function openIndex(task: CaseTask): Record<string, string> {
  return task.state === 'ended'
    ? {}
    : { gsi3pk: OPEN_TASKS_PARTITION, gsi3sk: timeSortKey(task.stateAt, task.caseNumber) };
}
