import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import { readConfig } from '../../local/config';
import { type Runtime, startRuntime } from '../../local/runtime';

const NOW = '2026-11-23T10:00:00.000Z';

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

function configFor(dataDir: string, extra: Record<string, string> = {}) {
  return readConfig({ PORT: '0', DATA_DIR: dataDir, CONTACT_ROUTER_NOW: NOW, ...extra });
}

async function call(runtime: Runtime, method: string, path: string, body?: unknown) {
  const response = await fetch(`${runtime.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  // Tests read deep into the JSON the way a client would; a loose type keeps them readable.
  return { status: response.status, body: (await response.json()) as Json };
}

describe('local runtime over HTTP', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'contact-router-e2e-'));
  let runtime: Runtime;

  beforeAll(async () => {
    runtime = await startRuntime(configFor(dataDir));
  });
  afterAll(async () => {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves health and imports the demo bookings on first start', async () => {
    expect(runtime.seeded).toBe(14);
    const health = await call(runtime, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body.now).toMatch(/^2026-11-23T10:00/);
  });

  it('turns a contact into a case with its decision and reasons, a queue entry and an outbox reply', async () => {
    // Prepare: the gold guest in Paris, writing from the booking's phone on her check-in day
    const contact = {
      channel: 'whatsapp',
      from: '+33612345678',
      text: 'Hôtel surbooké, pas de chambre ce soir !',
      languageHint: 'fr',
    };
    // Act
    const posted = await call(runtime, 'POST', '/api/contacts', contact);
    // Assess
    expect(posted.status).toBe(201);
    const caseNumber = posted.body.record.caseNumber as string;
    const kase = await call(runtime, 'GET', `/api/cases/${caseNumber}`);
    expect(kase.body.case.queue).toBe('fr-team');
    expect(kase.body.contacts[0].decision.reasons.length).toBeGreaterThan(0);
    expect(kase.body.contacts[0].classification.topic).toBe('arrival_problem');
    const queues = await call(runtime, 'GET', '/api/queues');
    expect(queues.body.queues['fr-team'][0]).toMatchObject({ caseNumber, priority: 1 });
    const outbox = await call(runtime, 'GET', '/api/outbox');
    expect(outbox.body.messages.map((m: { caseNumber: string }) => m.caseNumber)).toContain(caseNumber);
  });

  it('lets an agent take the first waiting case with its contacts, recording the first response once', async () => {
    // Prepare: an empty Indonesian queue, then one message for it
    const take = () =>
      fetch(`${runtime.url}/api/queues/id-team/take`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ agent: 'agent-dewi' }),
      });
    while ((await take()).status === 200);
    const posted = await call(runtime, 'POST', '/api/contacts', {
      channel: 'sms',
      from: '+6281234567890',
      text: 'halo',
      languageHint: 'id',
    });
    // Act
    const taken = await call(runtime, 'POST', '/api/queues/id-team/take', { agent: 'agent-dewi' });
    // Assess
    expect(taken.body.case.caseNumber).toBe(posted.body.record.caseNumber);
    expect(taken.body.case).toMatchObject({ status: 'with_agent', agentId: 'agent-dewi' });
    expect(taken.body.contacts.map((c: { id: string }) => c.id)).toEqual([posted.body.record.id]);
    expect(
      taken.body.case.timeline.filter((e: { type: string }) => e.type === 'first_response'),
    ).toHaveLength(1);
    expect((await take()).status).toBe(204);
    expect((await call(runtime, 'POST', '/api/queues/no-such-team/take', { agent: 'a' })).status).toBe(404);
  });

  it('refuses a booking with a wrong check digit and stores a good one, which then verifies its guest', async () => {
    const good = makeBookingReference('555000111');
    const bad = `${good.slice(0, 9)}${(Number(good[9]) + 1) % 10}`;
    const row = {
      pin: '2468',
      status: 'confirmed',
      checkIn: '2026-11-24',
      checkOut: '2026-11-25',
      propertyName: 'Pension Tulp',
      propertyTimeZone: 'Europe/Amsterdam',
      guestName: 'Daan Visser',
      phone: '+31687654321',
      language: 'nl',
    };
    const refused = await call(runtime, 'PUT', `/api/bookings/${bad}`, row);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/check digit/);
    expect((await call(runtime, 'PUT', `/api/bookings/${good}`, row)).status).toBe(200);
    const posted = await call(runtime, 'POST', '/api/contacts', {
      channel: 'sms',
      from: '+31687654321',
      text: `boeking ${good}`,
    });
    expect(posted.body.record.verification).toBe('sender_matches');
  });

  it('answers bad requests with a clear error', async () => {
    expect((await call(runtime, 'GET', '/api/cases/CR-ZZZZZZ')).status).toBe(404);
    const badJson = await call(runtime, 'POST', '/api/contacts', '{"channel":');
    expect(badJson.status).toBe(400);
    expect(badJson.body.error).toMatch(/not valid JSON/);
    const badField = await call(runtime, 'POST', '/api/contacts', { channel: 'fax', from: 'x' });
    expect(badField.body.error).toMatch(/channel/);
    expect((await call(runtime, 'DELETE', '/api/queues')).status).toBe(405);
  });

  it('keeps its data across a restart and does not import the demo twice', async () => {
    const posted = await call(runtime, 'POST', '/api/contacts', {
      channel: 'sms',
      from: '+4915112345678',
      text: 'Hallo',
    });
    await runtime.close();
    runtime = await startRuntime(configFor(dataDir));
    expect(runtime.seeded).toBe(0);
    const kase = await call(runtime, 'GET', `/api/cases/${posted.body.record.caseNumber}`);
    expect(kase.status).toBe(200);
  });

  it('runs a second runtime side by side on its own data without disturbing the first', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'contact-router-e2e-'));
    const other = await startRuntime(configFor(otherDir));
    try {
      await call(other, 'POST', '/api/contacts', { channel: 'sms', from: '+19995550199', text: 'only here' });
      const mine = await call(runtime, 'GET', '/api/cases');
      const theirs = await call(other, 'GET', '/api/cases');
      expect(theirs.body.cases).toHaveLength(1);
      expect(mine.body.cases.map((c: { ownerKey: string }) => c.ownerKey)).not.toContain('+19995550199');
    } finally {
      await other.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('tells the CLIs where it runs in <DATA_DIR>/runtime.json (ports and pid, no token), and removes it on close', async () => {
    // Prepare
    const otherDir = mkdtempSync(join(tmpdir(), 'contact-router-e2e-'));
    const other = await startRuntime(configFor(otherDir));
    // Act
    const file = join(otherDir, 'runtime.json');
    const written = readFileSync(file, 'utf8');
    await other.close();
    // Assess
    expect(JSON.parse(written)).toMatchObject({
      pid: process.pid,
      url: other.url,
      doorsUrl: other.doorsUrl,
      dataDir: otherDir,
    });
    expect(written).not.toContain(readFileSync(join(otherDir, 'twilio-auth-token'), 'utf8').trim());
    expect(statSync(file, { throwIfNoEntry: false })).toBeUndefined();
    rmSync(otherDir, { recursive: true, force: true });
  });

  it('refuses to start on a broken policy file, naming the bad field', async () => {
    const policy = JSON.parse(readFileSync('policy/routing-policy.json', 'utf8'));
    policy.queues['fr-team'].timeZone = 'Europe/Atlantis';
    const file = join(dataDir, 'broken-policy.json');
    writeFileSync(file, JSON.stringify(policy));
    await expect(startRuntime(configFor(join(dataDir, 'other'), { ROUTING_POLICY: file }))).rejects.toThrow(
      /queues\.fr-team\.timeZone/,
    );
  });
});

describe('npm start', () => {
  it('prints where it serves and stops cleanly on Ctrl-C', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'contact-router-start-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /running at (http:\/\/\S+)/.exec(out);
        if (match?.[1] && out.includes('Ctrl-C')) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${out}`)));
    });
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
