import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand']);
let watchers = 0;

/**
 * Calls `onWrite` after every successful write the client sends, whichever door or task sent it (HTTP,
 * SMTP, hand-off retries): the store is the one place every change passes through. A DocumentClient
 * shares its base client's middleware stack, so writes through either are seen.
 */
export function watchWrites(client: DynamoDBClient, onWrite: () => void): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (WRITES.has(String(context.commandName))) onWrite();
      return result;
    },
    { step: 'initialize', name: `contactRouterConsoleWatch${++watchers}` },
  );
}
