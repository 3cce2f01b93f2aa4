// Reliability campaign, replies: N guests write by SMS, agents answer each through the local agent API
// (POST /api/cases/:n/replies) while a local stand-in for api.twilio.com fails for the middle third of
// the replies (503, and every fourth request left unanswered until the twilio client times out), then
// recovers. The runtime's retry beat replays the unsent replies. Counted at the stand-in by message id:
// every reply must be taken exactly once (lost 0, duplicated 0).

import { createdMessage, type ReceivedRequest, twilioError } from '../test/support/twilio-api-stand-in';
import { startTwilioRuntime, TWILIO } from '../test/support/twilio-runtime';
import { pool } from './support/load';

// The outbox API pages at 1,000 messages: each case has its inline acknowledgement and one reply.
const total = Math.min(Number(process.env.REPLY_CASES ?? 300), 500);
const AGENTS = 10;
// The beat replays every 10 s; a few beats are plenty once the stand-in is back.
const SETTLE_LIMIT_MS = 90_000;
const NOW = '2026-11-23T10:00:00+01:00';

type Json = Record<string, unknown>;
const t = await startTwilioRuntime(NOW);
const started = performance.now();
let down = false;
let sids = 0;
const answered = { created: 0, failed5xx: 0, noAnswer: 0 };
const acceptedBodies = new Map<string, number>();
const bodyOf = (request: ReceivedRequest) => request.form.find(([name]) => name === 'Body')?.[1] ?? '';
t.api.respondWith((request) => {
  if (down) {
    if ((answered.failed5xx + answered.noAnswer) % 4 === 3) {
      answered.noAnswer++;
      return 'no_answer';
    }
    answered.failed5xx++;
    return twilioError(503, 20500, 'Service Unavailable');
  }
  answered.created++;
  const body = bodyOf(request);
  acceptedBodies.set(body, (acceptedBodies.get(body) ?? 0) + 1);
  return createdMessage(`SM${(++sids).toString(16).padStart(32, '0')}`, '+33600000000', TWILIO.smsFrom);
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${t.runtime.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Json };
}
const replyText = (i: number) => `Réponse ${i} : votre demande est traitée, merci de votre patience.`;
const agentReplies = async () =>
  ((await call('GET', '/api/outbox?limit=1000')).body.messages as Json[]).filter(
    (m) => m.kind === 'agent_reply',
  );

// The guests: one SMS each through the plain-JSON door (its answer is inline: nothing reaches Twilio).
const cases: string[] = [];
await pool(total, 20, async (i) => {
  const from = `+336${String(10_000_000 + i).padStart(8, '0')}`;
  const wrote = await call('POST', '/api/contacts', { channel: 'sms', from, text: `Bonjour, question ${i}` });
  cases[i] = (wrote.body.record as Json).caseNumber as string;
});

// The agents: replies in order, the stand-in down from a third to two thirds of them.
const firstAnswer = new Map<number, string>();
let posted = 0;
await pool(total, AGENTS, async (i) => {
  posted++;
  if (posted > total / 3 && posted <= (2 * total) / 3) down = true;
  else if (posted > (2 * total) / 3) down = false;
  const replied = await call(
    'POST',
    `/api/cases/${cases[i]}/replies`,
    { agent: `agent-${i % AGENTS}`, text: replyText(i) },
    { 'idempotency-key': `bench-${i}` },
  );
  firstAnswer.set(
    i,
    `${replied.status} ${(replied.body.message as Json | undefined)?.delivery ?? replied.body.code}`,
  );
});
down = false;
const recoveredAt = performance.now();

// Wait for the beat to replay what is still unsent (bounded).
let records = await agentReplies();
while (records.some((m) => m.delivery === 'pending') && performance.now() - recoveredAt < SETTLE_LIMIT_MS) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  records = await agentReplies();
}
const settledMs = performance.now() - recoveredAt;
const seconds = (performance.now() - started) / 1000;

// The audit: each reply's message id, its outcome at the agent API, its record, and the stand-in's count.
const byText = new Map(records.map((m) => [String(m.text), m]));
let sent = 0;
let failedThenSent = 0;
let lost = 0;
let duplicated = 0;
const agentApi = new Map<string, number>();
for (let i = 0; i < total; i++) {
  const first = firstAnswer.get(i) ?? 'none';
  agentApi.set(first, (agentApi.get(first) ?? 0) + 1);
  const record = byText.get(replyText(i));
  const taken = acceptedBodies.get(replyText(i)) ?? 0;
  if (!record || taken === 0) lost++;
  else if (first === '201 queued') sent++;
  else failedThenSent++;
  duplicated += Math.max(0, taken - 1);
}
const byDelivery = new Map<string, number>();
for (const m of records) byDelivery.set(String(m.delivery), (byDelivery.get(String(m.delivery)) ?? 0) + 1);
console.log(
  `reliability-replies: ${total} cases, ${AGENTS} agents replying through POST /api/cases/:n/replies, Twilio stand-in down for the middle third`,
);
const rows: [string, unknown][] = [
  ['replies', total],
  ['sent', sent],
  ['failedThenSent', failedThenSent],
  ['lost', lost],
  ['duplicated', duplicated],
  ['agentApiAnswers', [...agentApi].map(([k, v]) => `${k}: ${v}`).join(', ')],
  [
    'standIn',
    `201: ${answered.created}, 503: ${answered.failed5xx}, no answer (client timeout): ${answered.noAnswer}`,
  ],
  ['outboxByDelivery', [...byDelivery].map(([k, v]) => `${k}: ${v}`).join(', ')],
  ['secondsToSettleAfterRecovery', (settledMs / 1000).toFixed(1)],
  ['seconds', seconds.toFixed(1)],
];
for (const [key, value] of rows) console.log(`  ${key.padEnd(30)} ${value}`);
await t.close();
if (lost > 0 || duplicated > 0) process.exitCode = 1;
