import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime';
import { postContact, startMemoryRuntime } from './console-harness';

// Sunday night in Paris: the French team is closed, the 24/7 fallback is not.
const NOW = '2026-11-22T23:10:00+01:00';

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

async function call(
  runtime: Runtime,
  method: string,
  path: string,
  body?: unknown,
  type = 'application/json',
) {
  const response = await fetch(`${runtime.url}${path}`, {
    method,
    headers: { 'content-type': type },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
}

describe('console HTTP API', () => {
  let runtime: Runtime;

  beforeAll(async () => {
    runtime = await startMemoryRuntime(NOW);
  });
  afterAll(async () => {
    await runtime.close();
  });

  it('serves the console page with a policy that only allows its own scripts', async () => {
    // Act
    const page = await fetch(`${runtime.url}/`);
    const script = await fetch(`${runtime.url}/console/app.js`);
    // Assess
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/console/app.js');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await script.text()).length).toBeGreaterThan(1000);
  });

  it('tells each team’s state at the runtime’s clock, the fallback open', async () => {
    // Act
    const { body } = await call(runtime, 'GET', '/api/policy/status');
    // Assess
    const fr = body.teams.find((t: Json) => t.id === 'fr-team');
    const fallback = body.teams.find((t: Json) => t.fallback);
    expect(fr).toMatchObject({ open: false, language: 'fr', timeZone: 'Europe/Paris' });
    expect(fr.reason).toContain('Sun 23:10');
    expect(fallback).toMatchObject({ id: 'global-247', open: true });
  });

  it('wakes a waiting page as soon as a contact arrives, and lists it with its booking’s tier and dates', async () => {
    // Prepare: a page waiting on the change feed
    const { body: start } = await call(runtime, 'GET', '/api/events');
    const waiting = call(runtime, 'GET', `/api/events?after=${start.version}`);
    // Act
    const caseNumber = await postContact(runtime, {
      channel: 'sms',
      from: '+33612345678',
      text: 'Hôtel surbooké, pas de chambre ce soir !',
    });
    // Assess
    expect((await waiting).body.version).not.toBe(start.version);
    const { body } = await call(runtime, 'GET', '/api/console/queues');
    const entry = body.queues['global-247'].find((e: Json) => e.caseNumber === caseNumber);
    expect(entry).toMatchObject({ tier: 'gold', bookingRef: '1000000016', propertyName: expect.any(String) });
    expect(entry.checkIn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(entry.reasons.join('\n')).toContain('fr-team closed');
  });

  it('refuses a try-it message with a bad phone number, naming the field, and stores nothing', async () => {
    // Prepare
    const before = (await call(runtime, 'GET', '/api/outbox')).body.messages.length;
    // Act
    const { status, body } = await call(runtime, 'POST', '/api/try/sms', {
      channel: 'sms',
      from: '0612345678',
      text: 'hello',
    });
    // Assess
    expect(status).toBe(400);
    expect(body.error).toContain('from');
    expect((await call(runtime, 'GET', '/api/outbox')).body.messages.length).toBe(before);
  });

  it('refuses a try-it request that is not JSON, so another site cannot post a form to it', async () => {
    // Act
    const { status, body } = await call(
      runtime,
      'POST',
      '/api/try/sms',
      { channel: 'sms', from: '+33612345678', text: 'hi' },
      'text/plain',
    );
    // Assess
    expect(status).toBe(415);
    expect(body.error).toContain('application/json');
  });

  it('sends an email through the SMTP door and places a call through the flow simulator, each ending on a case', async () => {
    // Act
    const email = await call(runtime, 'POST', '/api/try/email', {
      from: 'emily.carter@example.co.uk',
      subject: 'Breakfast',
      text: 'Can I add breakfast to my booking?',
    });
    const voice = await call(runtime, 'POST', '/api/try/call', {
      from: '+14155550123',
      bookingRef: '1000000123',
      pin: '1313',
      said: 'I need a late check-out',
    });
    // Assess
    expect(email.status).toBe(201);
    expect(email.body.door).toBe('smtp');
    expect(email.body.caseNumber).toMatch(/^CR-/);
    expect(email.body.note).toContain(email.body.caseNumber);
    expect(email.body.contactId).toMatch(/^email:/);
    expect(email.body.reply).toContain(email.body.caseNumber);
    expect(voice.status).toBe(201);
    expect(voice.body.caseNumber).toMatch(/^CR-/);
    expect(voice.body.contactId).toMatch(/^voice:/);
    expect(voice.body.door).toBe('connect-flow');
    expect(voice.body.transcript).toContain('> 1000000123#');
    expect(voice.body.note).toBe(`queued at priority ${voice.body.priority}`);
  });

  it('sends a Telegram message through the real door, then the guest’s own contact, which verifies them', async () => {
    // Act
    const wrote = await call(runtime, 'POST', '/api/try/telegram', {
      userId: '5123456790',
      firstName: 'Camille',
      language: 'fr',
      text: 'Bonjour, où est la clé ?',
    });
    const shared = await call(runtime, 'POST', '/api/try/telegram', {
      userId: '5123456790',
      firstName: 'Camille',
      language: 'fr',
      sharePhone: '+33612345678',
    });
    const refused = await call(runtime, 'POST', '/api/try/telegram', { userId: 'abc', text: 'hi' });
    // Assess
    expect(wrote.status).toBe(201);
    expect(wrote.body).toMatchObject({
      door: 'telegram',
      note: 'new_case',
      contactId: expect.stringMatching(/^telegram:/),
    });
    expect(wrote.body.reply).toContain(wrote.body.caseNumber);
    expect(shared.body).toMatchObject({
      caseNumber: wrote.body.caseNumber,
      note: 'continued_case; shared contact: sender_matches',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toContain('userId');
  });
});
