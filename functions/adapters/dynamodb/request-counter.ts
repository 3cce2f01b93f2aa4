import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Requests sent per DynamoDB operation ("PutItem", "Query", …) since the counter started or was reset. */
export interface RequestCounter {
  counts(): Record<string, number>;
  total(): number;
  reset(): void;
  /** Removes the middleware from the client. */
  detach(): void;
}

// Each counter gets its own middleware name: two counters on one client must not replace each other.
let counters = 0;

/**
 * Counts the requests a client sends, per operation. A DocumentClient shares its base client's middleware
 * stack, so counting either counts both. Counted once per call, not per SDK retry attempt; with
 * `table`, only requests to that table.
 */
export function countRequests(
  client: DynamoDBClient | DynamoDBDocumentClient,
  options: { readonly table?: string } = {},
): RequestCounter {
  const tally = new Map<string, number>();
  const name = `contactRouterRequestCounter${++counters}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      // Only one table's requests when asked (the main table apart from the local waiting lists).
      const input = args.input as { TableName?: string; RequestItems?: Record<string, unknown> };
      const tables = input.TableName ? [input.TableName] : Object.keys(input.RequestItems ?? {});
      if (options.table !== undefined && !tables.includes(options.table)) return next(args);
      // The DocumentClient runs the base command underneath: "PutItemCommand" either way.
      const operation = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
      tally.set(operation, (tally.get(operation) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name },
  );
  return {
    counts: () => Object.fromEntries([...tally.entries()].sort(([a], [b]) => a.localeCompare(b))),
    total: () => [...tally.values()].reduce((sum, n) => sum + n, 0),
    reset: () => tally.clear(),
    detach: () => {
      client.middlewareStack.remove(name);
    },
  };
}
