import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twilioSignatureFor } from '../../functions/adapters/twilio/signature';
import { loadPhoneLines } from '../../functions/domain/ivr/phone-lines-schema';
import { twilioVoiceHandler } from '../../functions/handlers/twilio-voice';
import { localIvrDeps } from '../../local/doors/voice/local-ivr';
import { outboundOver } from '../support/outbound';
import { type IvrHarness, LINES, startIvrHarness } from './ivr-harness';

const TOKEN = 'voice-test-token-0123456789abcdef';
const HOST = 'abc123.execute-api.eu-west-1.amazonaws.com';
const WORKFLOW = 'WW0123456789abcdef0123456789abcdef';

let bench: IvrHarness;
let handler: ReturnType<typeof twilioVoiceHandler>;
beforeAll(async () => {
  bench = await startIvrHarness();
  const lines = loadPhoneLines(JSON.parse(readFileSync('policy/phone-lines.json', 'utf8')));
  handler = twilioVoiceHandler(() => ({
    ivr: localIvrDeps(bench.h.deps, bench.h.center, lines, 'twilio', outboundOver(bench.h).deliver),
    authToken: async () => TOKEN,
    workflowSid: WORKFLOW,
  }));
});
afterAll(async () => bench.stop());

async function post(url: string, params: Record<string, string>, sign = true) {
  const parsed = new URL(url);
  const event = {
    rawPath: parsed.pathname,
    rawQueryString: parsed.search.slice(1),
    headers: sign ? { 'x-twilio-signature': twilioSignatureFor(TOKEN, url, params) } : {},
    requestContext: { domainName: parsed.host },
    body: new URLSearchParams(params).toString(),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
  const out = await handler(event, {} as Context);
  return { status: out.statusCode, body: String(out.body) };
}

const actionOf = (twiml: string) => (/action="([^"]+)"/.exec(twiml)?.[1] ?? '').replace(/&amp;/g, '&');

describe('Twilio Voice door', () => {
  it('answers 403 and stores nothing for an unsigned or tampered request', async () => {
    const before = (await bench.h.cases.listCases(1000)).length;
    const start = `https://${HOST}/prod/twilio/voice`;
    const params = { CallSid: 'CAunsigned', From: '+33612345678', To: LINES.fr };
    expect((await post(start, params, false)).status).toBe(403);
    const first = await post(start, params);
    const tampered = `${actionOf(first.body)}&priority=1&verified=true`;
    const forged = await post(tampered, { ...params, Digits: '' }, false);
    expect(forged.status).toBe(403);
    expect((await bench.h.cases.listCases(1000)).length).toBe(before);
  });

  it('plays the IVR as TwiML: Gather dtmf+speech in French, speech classified, Enqueue with the task', async () => {
    // Prepare
    const base = { CallSid: 'CA0123456789', From: '+33612345678', To: LINES.fr };
    // Act: start, stay in French, say the problem, booking number, PIN, press 1 for an agent
    const start = await post(`https://${HOST}/prod/twilio/voice`, base);
    const topic = await post(actionOf(start.body), { ...base, Digits: '' });
    const booking = await post(actionOf(topic.body), {
      ...base,
      SpeechResult: "La réception est fermée et personne ne répond, je suis devant l'hôtel",
    });
    const pin = await post(actionOf(booking.body), { ...base, Digits: '1000000016' });
    const status = await post(actionOf(pin.body), { ...base, Digits: '1111' });
    const queued = await post(actionOf(status.body), { ...base, Digits: '1' });
    // Assess
    expect(start.status).toBe(200);
    expect(start.body).toContain('<Gather input="dtmf speech"');
    expect(start.body).toContain('language="fr-FR"');
    expect(start.body).toContain('voice="Polly.Lea-Neural"');
    expect(start.body).toContain('Bienvenue au service client.');
    expect(topic.body).toContain('Vous pouvez aussi me dire');
    expect(booking.body).toContain('finishOnKey="#"');
    expect(status.body).toContain('Hôtel Lumière Paris');
    expect(queued.body).toContain(`<Enqueue workflowSid="${WORKFLOW}"`);
    const task = /<Task priority="(\d)">([^<]+)<\/Task>/.exec(queued.body);
    expect(task?.[1]).toBe('5');
    expect(JSON.parse((task?.[2] ?? '{}').replace(/&quot;/g, '"'))).toMatchObject({
      queue: 'fr-team',
      priority: 1,
      language: 'fr',
      topic: 'arrival_problem',
      verified: true,
    });
    expect(
      (await bench.h.center.listQueue('fr-team')).some((h) => h.contactId === 'voice:CA0123456789'),
    ).toBe(true);
    // The spoken answer went through deliver: recorded inline, and "acknowledged" on the case once
    const answer = await outboundOver(bench.h).ledger.get('voice:CA0123456789:ack');
    expect(answer).toMatchObject({ kind: 'acknowledgement', channel: 'voice', status: 'inline' });
    const kase = await bench.h.cases.getCase(answer?.caseNumber ?? '');
    expect(kase?.timeline.filter((e) => e.type === 'acknowledged')).toHaveLength(1);
  });

  it('tells a verified caller who asks for an agent after the status that the French team is closed', async () => {
    // Prepare: Sunday 23:20 in Paris, fr-team closed
    const before = bench.h.clock.current;
    bench.h.clock.current = new Date('2026-11-22T22:20:00Z');
    const base = { CallSid: 'CAclosedteam', From: '+33612345678', To: LINES.fr };
    try {
      // Act: stay in French, anything else, booking number, PIN, 1 for an agent
      const start = await post(`https://${HOST}/prod/twilio/voice`, base);
      const topic = await post(actionOf(start.body), { ...base, Digits: '' });
      const booking = await post(actionOf(topic.body), { ...base, Digits: '5' });
      const pin = await post(actionOf(booking.body), { ...base, Digits: '1000000016' });
      const status = await post(actionOf(pin.body), { ...base, Digits: '1111' });
      const queued = await post(actionOf(status.body), { ...base, Digits: '1' });
      // Assess: said just before the caller is put in the queue
      expect(queued.body).toContain(`<Enqueue workflowSid="${WORKFLOW}"`);
      expect(queued.body).toMatch(/français[^<]*fermée[^<]*anglais/);
    } finally {
      bench.h.clock.current = before;
    }
  });

  it('speaks Indonesian on Twilio with a Google voice and listens in id-ID', async () => {
    const start = await post(`https://${HOST}/prod/twilio/voice`, {
      CallSid: 'CAid',
      From: '+6281234567890',
      To: LINES.id,
    });
    expect(start.body).toContain('voice="Google.id-ID-Standard-A"');
    expect(start.body).toContain('language="id-ID"');
    expect(start.body).toContain('Selamat datang di layanan pelanggan.');
  });

  it('hangs up with goodbye when a verified caller does not ask for an agent', async () => {
    const base = { CallSid: 'CAbye', From: '+4915112345678', To: LINES.de };
    const start = await post(`https://${HOST}/prod/twilio/voice`, base);
    const topic = await post(actionOf(start.body), { ...base, Digits: '' });
    const booking = await post(actionOf(topic.body), { ...base, Digits: '1' });
    const pin = await post(actionOf(booking.body), { ...base, Digits: '1000000024' });
    const status = await post(actionOf(pin.body), { ...base, Digits: '2222' });
    const end = await post(actionOf(status.body), { ...base, Digits: '' });
    expect(end.body).toContain('Vielen Dank für Ihren Anruf');
    expect(end.body).toContain('<Hangup/>');
  });
});
