import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { DependencyError, DomainError } from '../../domain/errors';
import type { ContactCenter, HandOff } from '../../domain/ports';
import type { Staffing } from '../../domain/routing/decision';
import { withoutUndefined } from '../dynamodb/item-codec';
import { TableClient } from '../dynamodb/table-client';
import { isConditionalCheckFailed, toDependencyError } from '../dynamodb/translate-error';
import { entrySortKey, handOffMarkerKey, QUEUE_PREFIX, queuePartition } from './waiting-list-keys';

type Item = Record<string, unknown>;
// Two agents may reach for the same first entry; the loser tries the next ones.
const TAKE_ATTEMPTS = 5;

/** ContactCenter for the local runtime: per-queue waiting lists in DynamoDB, ordered by priority then arrival. */
export class DynamoContactCenter implements ContactCenter {
  private readonly table: TableClient;
  private agents: Staffing = {};
  private failure: Error | undefined;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.table = new TableClient(client, tableName);
  }

  async handOff(handOff: HandOff): Promise<{ externalId: string }> {
    this.throwIfFailing('hand off');
    const key = { pk: queuePartition(handOff.queue), sk: entrySortKey(handOff) };
    const externalId = `${handOff.queue}/${key.sk}`;
    // The marker makes hand-offs idempotent: a second hand-off of the contact never queues it again
    // (not after an agent took it, not under another priority). Until it is taken, a retry of the same
    // hand-off rewrites the same entry, which completes one cut short between the two writes (a crash).
    const marker = await this.table.putUnless(
      'hand off',
      { ...handOffMarkerKey(handOff.contactId), externalId, state: 'queued' },
      'attribute_not_exists(pk) OR (#state <> :taken AND externalId = :externalId)',
      { ':taken': 'taken', ':externalId': externalId },
      { '#state': 'state' },
    );
    if (!marker.written) return { externalId: String(marker.holder?.externalId ?? externalId) };
    const entry = { ...withoutUndefined(handOff), ...key, externalId };
    await this.table.send('hand off', new PutCommand({ TableName: this.table.tableName, Item: entry }));
    return { externalId };
  }

  async staffing(): Promise<Staffing> {
    this.throwIfFailing('staffing');
    return { ...this.agents };
  }

  /** Sets agents per queue; queues left out count as staffed, `{ q: 0 }` simulates an empty team. */
  setStaffing(agents: Staffing): void {
    this.agents = { ...agents };
  }

  /** Makes `handOff` and `staffing` throw (the contact centre is down) until called with undefined. */
  failWith(error: Error | undefined): void {
    this.failure = error;
  }

  /** One queue's waiting list, first to be served first. */
  async listQueue(queue: string): Promise<HandOff[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const out = await this.table.send<{ Items?: Item[]; LastEvaluatedKey?: Item }>(
        'list queue',
        new QueryCommand({
          TableName: this.table.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': queuePartition(queue) },
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      items.push(...(out.Items ?? []));
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return items.map(toHandOff);
  }

  /** Every waiting list, keyed by queue, each in serving order. */
  async listAll(): Promise<Record<string, HandOff[]>> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const out = await this.table.send<{ Items?: Item[]; LastEvaluatedKey?: Item }>(
        'list queues',
        new ScanCommand({
          TableName: this.table.tableName,
          FilterExpression: 'begins_with(pk, :prefix)',
          ExpressionAttributeValues: { ':prefix': QUEUE_PREFIX },
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      items.push(...(out.Items ?? []));
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    // A Scan returns partitions in hash order: sort by the same key the waiting lists use.
    items.sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
    const lists: Record<string, HandOff[]> = {};
    for (const item of items) {
      const handOff = toHandOff(item);
      const list = lists[handOff.queue] ?? [];
      list.push(handOff);
      lists[handOff.queue] = list;
    }
    return lists;
  }

  /** An agent takes the first contact waiting in a queue; undefined when the queue is empty. */
  async take(queue: string): Promise<HandOff | undefined> {
    for (let attempt = 0; attempt < TAKE_ATTEMPTS; attempt++) {
      const first = (await this.listFirst(queue))[0];
      if (!first) return undefined;
      try {
        await this.table.client.send(
          new DeleteCommand({
            TableName: this.table.tableName,
            Key: { pk: first.pk, sk: first.sk },
            ConditionExpression: 'attribute_exists(pk)',
          }),
        );
        const taken = toHandOff(first);
        await this.table.send(
          'take',
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: handOffMarkerKey(taken.contactId),
            UpdateExpression: 'SET #state = :taken',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':taken': 'taken' },
          }),
        );
        return taken;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw toDependencyError(error, 'take');
      }
    }
    return undefined;
  }

  private async listFirst(queue: string): Promise<Item[]> {
    const out = await this.table.send<{ Items?: Item[] }>(
      'take',
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': queuePartition(queue) },
        ConsistentRead: true,
        Limit: 1,
      }),
    );
    return out.Items ?? [];
  }

  private throwIfFailing(action: string): void {
    if (!this.failure) return;
    if (this.failure instanceof DomainError) throw this.failure;
    throw new DependencyError('local-contact-center', `${action} failed: ${this.failure.message}`, {
      cause: this.failure,
    });
  }
}

function toHandOff(item: Item): HandOff {
  const { pk: _pk, sk: _sk, externalId: _externalId, ...handOff } = item;
  return handOff as unknown as HandOff;
}
