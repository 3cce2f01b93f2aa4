import { DeleteCommand, type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { orderWaiting } from '../../domain/cases/escalation';
import { mergeWaitingEntry, type WaitingEntry } from '../../domain/cases/waiting-entry';
import { DependencyError, DomainError } from '../../domain/errors';
import type { Clock, ContactCenter, HandOff } from '../../domain/ports';
import type { Staffing } from '../../domain/routing/decision';
import type { RoutingPolicy } from '../../domain/routing/policy-schema';
import type { QueueLoad } from '../../domain/routing/queue-load';
import type { WaitingCounts } from '../../domain/routing/shed';
import { withoutUndefined } from '../dynamodb/item-codec';
import { TableClient } from '../dynamodb/table-client';
import { gaveUp, isConditionalCheckFailed, toDependencyError } from '../dynamodb/translate-error';
import { WAITING_PREFIX, waitingEntryKey } from './waiting-list-keys';

type Item = Record<string, unknown>;
// Hand-offs of one case and agents' takes race on one item; each round re-reads it.
const MAX_ROUNDS = 8;

/** What the local waiting lists need to serve in escalation order: the policy and the time. */
export interface WaitingOrder {
  readonly policy: RoutingPolicy;
  readonly clock: Clock;
}

/**
 * ContactCenter for the local runtime: one waiting entry per case in DynamoDB, served in the order of
 * orderWaiting() (escalation included) at the moment of each take. Lists are read with a Scan: fine for
 * a local runtime, and it keeps one item per case without an index.
 */
export class DynamoContactCenter implements ContactCenter, QueueLoad {
  private readonly table: TableClient;
  private agents: Staffing = {};
  private failure: Error | undefined;

  constructor(
    client: DynamoDBDocumentClient,
    tableName: string,
    private readonly order: WaitingOrder,
  ) {
    this.table = new TableClient(client, tableName);
  }

  async handOff(handOff: HandOff): Promise<{ externalId: string }> {
    this.throwIfFailing('hand off');
    const key = waitingEntryKey(handOff.caseNumber);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const held = await this.table.get('hand off', key, true);
      const existing = held ? toEntry(held) : undefined;
      const next = mergeWaitingEntry(existing, handOff);
      const version = Number(held?.version ?? 0);
      const put = await this.table.putUnless(
        'hand off',
        { ...withoutUndefined(next), ...key, version: version + 1 },
        held ? 'version = :version' : 'attribute_not_exists(pk)',
        held ? { ':version': version } : undefined,
      );
      if (put.written) return { externalId: handOff.caseNumber };
    }
    throw gaveUp('hand off', 'the waiting entry keeps changing');
  }

  async withdraw(caseNumber: string): Promise<void> {
    await this.table.send(
      'withdraw',
      new DeleteCommand({ TableName: this.table.tableName, Key: waitingEntryKey(caseNumber) }),
    );
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

  /** Waiting cases per queue (one Scan; the intake reads it through CachedQueueLoad). */
  async waitingCases(): Promise<WaitingCounts> {
    const counts: Record<string, number> = {};
    for (const item of await this.scan()) {
      const queue = String(item.queue);
      counts[queue] = (counts[queue] ?? 0) + 1;
    }
    return counts;
  }

  /** One queue's waiting cases, first to be served first. */
  async listQueue(queue: string): Promise<WaitingEntry[]> {
    return (await this.listAll())[queue] ?? [];
  }

  /** Every waiting list, keyed by queue, each in serving order at the clock's now. */
  async listAll(): Promise<Record<string, WaitingEntry[]>> {
    const entries = (await this.scan()).map(toEntry);
    const ranked = orderWaiting(entries, this.order.clock.now(), this.order.policy);
    const lists: Record<string, WaitingEntry[]> = {};
    for (const { entry } of ranked) {
      const list = lists[entry.queue] ?? [];
      list.push(entry);
      lists[entry.queue] = list;
    }
    return lists;
  }

  /**
   * Removes the first case of a queue (in serving order now) and answers it; undefined when the queue is
   * empty. An entry changed or taken by someone else meanwhile is not removed: the order is read again.
   */
  async take(queue: string): Promise<WaitingEntry | undefined> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const items = (await this.scan()).filter((item) => item.queue === queue);
      const byCase = new Map(items.map((item) => [String(item.caseNumber), item]));
      const first = orderWaiting(items.map(toEntry), this.order.clock.now(), this.order.policy)[0];
      if (!first) return undefined;
      const item = byCase.get(first.entry.caseNumber) as Item;
      try {
        await this.table.client.send(
          new DeleteCommand({
            TableName: this.table.tableName,
            Key: waitingEntryKey(first.entry.caseNumber),
            ConditionExpression: 'version = :version',
            ExpressionAttributeValues: { ':version': item.version },
          }),
        );
        return first.entry;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw toDependencyError(error, 'take');
      }
    }
    throw gaveUp('take', 'the first case keeps changing');
  }

  private async scan(): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const out = await this.table.send<{ Items?: Item[]; LastEvaluatedKey?: Item }>(
        'list queues',
        new ScanCommand({
          TableName: this.table.tableName,
          FilterExpression: 'begins_with(pk, :prefix)',
          ExpressionAttributeValues: { ':prefix': WAITING_PREFIX },
          ConsistentRead: true,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      items.push(...(out.Items ?? []));
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  private throwIfFailing(action: string): void {
    if (!this.failure) return;
    if (this.failure instanceof DomainError) throw this.failure;
    throw new DependencyError('local-contact-center', `${action} failed: ${this.failure.message}`, {
      cause: this.failure,
    });
  }
}

function toEntry(item: Item): WaitingEntry {
  const { pk: _pk, sk: _sk, version: _version, ...entry } = item;
  return entry as unknown as WaitingEntry;
}
