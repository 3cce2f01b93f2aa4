// End-to-end figures for the Twilio messaging door on the local runtime (in this process, in-memory
// dynalite), each beside its ceiling measured in the same run. Prints figures; asserts nothing.
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { countRequests } from '../functions/adapters/dynamodb/request-counter';
import { twilioSignatureFor } from '../functions/adapters/twilio/signature';
import { LOCAL_TABLES } from '../local/app';
import { readConfig } from '../local/config';
import { startRuntime } from '../local/runtime';
import { localTwilioAuthToken } from '../local/twilio-token';
import { helloWorldThroughput, pool, quantile, throughput } from './support/load';
import { runLoad } from './support/messaging-load';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const CEILING_MS = 2_000;
const runtime = await startRuntime({
  ...readConfig({ PORT: '0', CONTACT_ROUTER_NOW: '2026-11-23T22:10:00+01:00' }),
  dataDir: 'memory',
});
const token = localTwilioAuthToken('memory');
const url = `${runtime.doorsUrl}/twilio/messaging`;
let sequence = 0;

/** Sends one signed message; returns the TwiML body. */
async function send(from: string, body: string, sid = `SM${(sequence++).toString(16).padStart(32, '0')}`) {
  const params = { MessageSid: sid, From: from, To: '+33757000000', Body: body, NumMedia: '0' };
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignatureFor(token, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${response.status}: ${text}`);
  return text;
}

const phone = (prefix: string, i: number) => `+336${prefix}${String(i).padStart(6, '0')}`;
const TEXTS = [
  "Bonjour, la réception est fermée et je suis devant l'hôtel",
  'Hi, can I add an airport transfer to my booking?',
  'Ich möchte meine Buchung stornieren',
  'Quiero cambiar las fechas de mi reserva',
];

// 1. One at a time: latency of a new message on a new case, signed, through HTTP.
for (let i = 0; i < 50; i++) await send(phone('10', i), TEXTS[i % 4] as string);
const counter = countRequests(runtime.app.dynamoClient);
// The main table is what a deployment pays for; the waiting lists stand in for Amazon Connect locally.
const mainCounter = countRequests(runtime.app.dynamoClient, { table: LOCAL_TABLES.main });
const latencies: number[] = [];
const SEQUENTIAL = 400;
for (let i = 0; i < SEQUENTIAL; i++) {
  const started = performance.now();
  await send(phone('11', i), TEXTS[i % 4] as string);
  latencies.push(performance.now() - started);
}
const perMessage = counter.total() / SEQUENTIAL;
const mainPerMessage = mainCounter.total() / SEQUENTIAL;
counter.detach();
mainCounter.reset();
// A follow-up on each of those cases (same senders, one at a time), then each follow-up again (same
// MessageSid: Twilio redelivering it).
const followUps = Array.from({ length: SEQUENTIAL }, (_, i) => `SMfollow${String(i).padStart(26, '0')}`);
for (let i = 0; i < SEQUENTIAL; i++) await send(phone('11', i), 'Any news?', followUps[i]);
const mainPerFollowUp = mainCounter.total() / SEQUENTIAL;
mainCounter.reset();
for (let i = 0; i < SEQUENTIAL; i++) await send(phone('11', i), 'Any news?', followUps[i]);
const mainPerRedelivery = mainCounter.total() / SEQUENTIAL;
mainCounter.detach();
latencies.sort((a, b) => a - b);

// 2. The ceilings, same process, same dynalite, same HTTP client.
const db = runtime.app.dynamoClient;
const table = 'contact-router';
const putRate = await throughput(
  (i) =>
    db.send(
      new PutItemCommand({
        TableName: table,
        Item: { pk: { S: `BENCH#${i % 1000}` }, sk: { S: 'BENCH' }, text: { S: 'x'.repeat(400) } },
      }),
    ),
  50,
  CEILING_MS,
);
const getRate = await throughput(
  (i) =>
    db.send(
      new GetItemCommand({ TableName: table, Key: { pk: { S: `BENCH#${i % 1000}` }, sk: { S: 'BENCH' } } }),
    ),
  50,
  CEILING_MS,
);
const storeCeiling = (putRate + getRate) / 2 / perMessage;
const helloRate = await helloWorldThroughput(50, CEILING_MS, 'Body=hello');

// 3. Fifty at a time: requests per second of new messages.
const CONCURRENT = 2_000;
const ms = await pool(CONCURRENT, 50, async (i) => {
  await send(phone('12', i), TEXTS[i % 4] as string);
});
const concurrentRate = CONCURRENT / (ms / 1000);

console.log(
  'Twilio messaging door, local runtime, in-memory dynalite, signed requests over HTTP (same process)',
);
console.log(
  `one at a time (${SEQUENTIAL} new messages): p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms  (target p99 ≤ 25 ms)`,
);
console.log(
  `DynamoDB requests per new message: ${perMessage.toFixed(1)} (main table ${mainPerMessage.toFixed(1)}, target ≤ 8; the rest is the local waiting list, Connect's stand-in)`,
);
console.log(
  `DynamoDB main-table requests per follow-up on a waiting case: ${mainPerFollowUp.toFixed(1)} (target ≤ 6); per redelivered follow-up: ${mainPerRedelivery.toFixed(1)}`,
);
console.log(
  `50 at a time: ${concurrentRate.toFixed(0)} messages/s  vs store ceiling ${storeCeiling.toFixed(0)}/s (dynalite put ${putRate.toFixed(0)}/s, get ${getRate.toFixed(0)}/s ÷ ${perMessage.toFixed(1)}) = ${((100 * concurrentRate) / storeCeiling).toFixed(0)}%  (target ≥ 60%)`,
);
console.log(`node:http hello world, 50 at a time: ${helloRate.toFixed(0)} req/s (the transport's ceiling)`);

// 4. The load run: 10,000 messages, 10% redelivered, 50 at a time; counts, not speed.
const load = await runLoad(runtime, send, { messages: 10_000, duplicateShare: 0.1, concurrency: 50 });
console.log(
  `load: ${load.sent} requests (${load.distinct} distinct messages from ${load.conversations} senders, ${load.redelivered} redelivered) in ${(load.ms / 1000).toFixed(1)} s`,
);
console.log(
  `  cases ${load.cases} (expected ${load.conversations}), contacts ${load.contacts}, queue entries ${load.queued}, lost ${load.lost}, duplicated ${load.duplicated}, redeliveries answered differently ${load.mismatchedReplies}`,
);
await runtime.close();
