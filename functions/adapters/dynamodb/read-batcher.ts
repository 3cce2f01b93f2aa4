import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ItemKey } from './keys';
import { gaveUp, toDependencyError } from './translate-error';

type Item = Record<string, unknown>;
interface Wanted {
  readonly action: string;
  readonly key: ItemKey;
  readonly consistent: boolean;
  readonly resolve: (item: Item | undefined) => void;
  readonly reject: (error: unknown) => void;
}

// BatchGetItem takes at most 100 keys, and may leave some unprocessed under load: read those again.
const BATCH_KEYS = 100;
const MAX_ROUNDS = 4;
const id = (key: ItemKey) => `${key.pk}\u0000${key.sk}`;

/**
 * Serves the reads of one table that start in the same turn of the event loop with one BatchGetItem
 * (a lone read stays a GetItem): the intake asks for its contact, customer and open cases at once, from
 * different stores, and pays one request. Strongly consistent when any of them asks for it.
 */
export class ReadBatcher {
  private pending: Wanted[] = [];

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  get(action: string, key: ItemKey, consistent: boolean): Promise<Item | undefined> {
    return new Promise((resolve, reject) => {
      this.pending.push({ action, key, consistent, resolve, reject });
      // A microtask, not a timer: every read started by one Promise.all is queued by then, and fake
      // timers in tests cannot hold it back.
      if (this.pending.length === 1) queueMicrotask(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    // A key asked for twice at once is contended (writers racing on one item): each asker reads it on
    // its own, as it would unbatched, so the racers do not all see one snapshot and lose in lockstep.
    const seen = new Set<string>();
    const distinct: Wanted[] = [];
    for (const wanted of batch) {
      if (seen.has(id(wanted.key))) void this.serve([wanted]);
      else distinct.push(wanted);
      seen.add(id(wanted.key));
    }
    for (let i = 0; i < distinct.length; i += BATCH_KEYS) void this.serve(distinct.slice(i, i + BATCH_KEYS));
  }

  private async serve(part: readonly Wanted[]): Promise<void> {
    try {
      const found = part.length === 1 ? await this.getOne(part[0] as Wanted) : await this.getMany(part);
      for (const wanted of part) wanted.resolve(found.get(id(wanted.key)));
    } catch (error) {
      for (const wanted of part) wanted.reject(toDependencyError(error, wanted.action));
    }
  }

  private async getOne(wanted: Wanted): Promise<Map<string, Item>> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: wanted.key, ConsistentRead: wanted.consistent }),
    );
    return new Map(out.Item ? [[id(wanted.key), out.Item]] : []);
  }

  private async getMany(part: readonly Wanted[]): Promise<Map<string, Item>> {
    const consistent = part.some((w) => w.consistent);
    let keys: ItemKey[] = part.map((w) => w.key);
    const found = new Map<string, Item>();
    for (let round = 0; round < MAX_ROUNDS && keys.length > 0; round++) {
      const out = await this.client.send(
        new BatchGetCommand({
          RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: consistent } },
        }),
      );
      for (const item of out.Responses?.[this.tableName] ?? [])
        found.set(id({ pk: String(item.pk), sk: String(item.sk) }), item);
      keys = (out.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as ItemKey[];
    }
    if (keys.length > 0) throw gaveUp(part[0]?.action ?? 'read', 'keys left unprocessed');
    return found;
  }
}

// One batcher per client and table, shared by every store on it (the booking and the case stores).
const batchers = new WeakMap<DynamoDBDocumentClient, Map<string, ReadBatcher>>();

/** The read batcher of a client's table. */
export function readBatcherFor(client: DynamoDBDocumentClient, tableName: string): ReadBatcher {
  const perTable = batchers.get(client) ?? new Map<string, ReadBatcher>();
  batchers.set(client, perTable);
  const batcher = perTable.get(tableName) ?? new ReadBatcher(client, tableName);
  perTable.set(tableName, batcher);
  return batcher;
}
