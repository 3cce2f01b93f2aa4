// Starts dynalite in this process, in memory, on a free port: tests and benches get a real DynamoDB API
// (through the real AWS SDK) without Docker or Java.
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTables, type TableNames } from '../../functions/adapters/dynamodb/create-tables';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

type DynaliteFactory = (options: {
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
  path?: string;
}) => Server;

// dynalite ships no types and is CommonJS: load it through require with the one signature we use.
const dynalite = createRequire(import.meta.url)('dynalite') as DynaliteFactory;

/** A running in-memory dynalite with clients pointing at it and the tables created. */
export interface Dynalite {
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  readonly documentClient: DynamoDBDocumentClient;
  readonly tables: Required<TableNames>;
  /** Stops the server and the clients' sockets. */
  stop(): Promise<void>;
}

/** Starts dynalite on an ephemeral port and creates the tables (fresh names unless given). */
export async function startDynalite(tables?: Partial<TableNames>): Promise<Dynalite> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // A local server never throttles; retrying would only hide bugs and slow failing tests.
    maxAttempts: 1,
  });
  // No translate options on purpose: the adapters must cope with a plain DocumentClient.
  const documentClient = DynamoDBDocumentClient.from(client);
  const names = {
    main: tables?.main ?? 'contact-router',
    waitingLists: tables?.waitingLists ?? 'contact-router-waiting-lists',
  };
  await createTables(client, names);
  return {
    endpoint,
    client,
    documentClient,
    tables: names,
    async stop() {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
