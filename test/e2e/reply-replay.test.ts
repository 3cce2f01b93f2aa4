// Agent replies while Twilio fails: the local agent API, deliver, the real twilio client and a local
// stand-in for api.twilio.com that answers 5xx for a while. Nothing is lost and nothing is sent twice:
// the runtime's retry beat replays each unsent reply under its own message id once Twilio is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createdMessage, type ReceivedRequest, twilioError } from '../support/twilio-api-stand-in';
import { startTwilioRuntime, TWILIO, type TwilioRuntime } from '../support/twilio-runtime';

const NOW = '2026-11-23T10:00:00+01:00';
const GUESTS = 5;

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

describe('agent replies through a Twilio outage', () => {
  let t: TwilioRuntime;
  let accepted: string[] = [];
  let sids = 0;
  const bodyOf = (request: ReceivedRequest) => request.form.find(([name]) => name === 'Body')?.[1] ?? '';
  const up = (request: ReceivedRequest) => {
    accepted.push(bodyOf(request));
    const sid = `SM${(++sids).toString(16).padStart(32, '0')}`;
    return createdMessage(sid, '+33612345678', TWILIO.smsFrom);
  };
  const down = () => twilioError(503, 20500, 'Service Unavailable');

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${t.runtime.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  }
  const replies = async () =>
    ((await call('GET', '/api/outbox?limit=1000')).body.messages as Json[]).filter(
      (m) => m.kind === 'agent_reply',
    );

  beforeAll(async () => {
    t = await startTwilioRuntime(NOW);
  });
  afterAll(() => t.close());

  it('sends every reply made during the outage exactly once after it, none lost', async () => {
    // Prepare: five guests write by SMS; Twilio goes down
    const cases: string[] = [];
    for (let i = 0; i < GUESTS; i++) {
      const from = `+3361234500${i}`;
      const wrote = await call('POST', '/api/contacts', {
        channel: 'sms',
        from,
        text: `Bonjour, question ${i}`,
      });
      cases.push(wrote.body.record.caseNumber as string);
    }
    t.api.respondWith(down);

    // Act: an agent answers each guest; the beat replays while Twilio is down, then twice at once after
    const answered = await Promise.all(
      cases.map((caseNumber, i) =>
        call(
          'POST',
          `/api/cases/${caseNumber}/replies`,
          { agent: 'ana', text: `Réponse ${i}: voici ce que nous proposons.` },
          { 'idempotency-key': `outage-${i}` },
        ),
      ),
    );
    await t.runtime.retryNow();
    const whileDown = await replies();
    accepted = [];
    t.api.respondWith(up);
    await Promise.all([t.runtime.retryNow(), t.runtime.retryNow()]);
    await t.runtime.retryNow();
    const after = await replies();

    // Assess: taken while down (pending, with Twilio's error), each accepted once by Twilio afterwards
    expect(answered.map((a) => [a.status, a.body.message?.delivery])).toEqual(
      cases.map(() => [201, 'pending']),
    );
    expect(whileDown.map((m) => m.delivery)).toEqual(cases.map(() => 'pending'));
    expect(whileDown[0]?.error).toMatch(/503/);
    expect(after).toHaveLength(GUESTS);
    expect(after.map((m) => m.delivery)).toEqual(cases.map(() => 'queued'));
    expect([...accepted].sort()).toEqual(
      cases.map((_, i) => `Réponse ${i}: voici ce que nous proposons.`).sort(),
    );
  });
});
