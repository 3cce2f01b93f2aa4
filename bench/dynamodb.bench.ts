// The local store's ceiling: raw PutItem and GetItem against an in-process, in-memory dynalite, with the
// SDK client in the same process (as in `npm start` and the tests). Prints figures; asserts nothing.
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoCaseStore } from '../functions/adapters/dynamodb/case-store';
import { countRequests } from '../functions/adapters/dynamodb/request-counter';
import { latestCase } from '../functions/domain/cases/latest-case';
import { aCase, aContact } from '../test/integration/builders';
import { startDynalite } from '../test/support/dynalite';
import { throughput } from './support/load';

const DURATION_MS = 2_000;
const KEYS = 1_000;

const db = await startDynalite();
const table = db.tables.main;
const put = (i: number) =>
  db.client.send(
    new PutItemCommand({
      TableName: table,
      Item: { pk: { S: `BENCH#${i % KEYS}` }, sk: { S: 'BENCH' }, text: { S: 'x'.repeat(400) } },
    }),
  );
const get = (i: number) =>
  db.client.send(
    new GetItemCommand({ TableName: table, Key: { pk: { S: `BENCH#${i % KEYS}` }, sk: { S: 'BENCH' } } }),
  );

// Warm up the JIT and fill the keys the GetItem runs read.
for (let i = 0; i < KEYS; i++) await put(i);

console.log('dynalite 4, in memory, same process as the client; 400-byte items; ops/s over 2 s');
for (const [name, op] of [
  ['PutItem', put],
  ['GetItem', get],
] as const) {
  for (const concurrency of [1, 50]) {
    const rate = await throughput(op, concurrency, DURATION_MS);
    console.log(
      `${name.padEnd(8)} concurrency ${String(concurrency).padStart(2)}: ${rate.toFixed(0).padStart(6)} ops/s`,
    );
  }
}

// What one new contact on a new case costs the CaseStore (the intake adds its booking and customer reads).
const counter = countRequests(db.client);
const store = new DynamoCaseStore(db.documentClient, table);
const kase = aCase();
const contact = aContact({ caseNumber: kase.caseNumber });
await latestCase(store, await store.openCases(kase.ownerKey), undefined);
await store.pinContactCase(contact.id, 'own');
await store.createCase(kase, contact.id);
await store.claimOpenCase(kase.ownerKey, undefined, kase.caseNumber);
await store.putContactOnce(contact);
await store.markHandedOff(contact.id, { ok: true });
console.log(`CaseStore requests for a new contact on a new case: ${counter.total()}`, counter.counts());

await db.stop();
