import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../local/config';
import { type Runtime, startRuntime } from '../../local/runtime';

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

describe('agent actions over the local HTTP API', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'contact-router-agents-'));
  let runtime: Runtime;

  beforeAll(async () => {
    runtime = await startRuntime(
      readConfig({ PORT: '0', DATA_DIR: dataDir, CONTACT_ROUTER_NOW: '2026-11-23T10:00:00.000Z' }),
    );
  });
  afterAll(async () => {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${runtime.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json };
  }
  const message = (from: string, text: string) =>
    call('POST', '/api/contacts', { channel: 'sms', from, text, languageHint: 'id' });
  const waitingIn = async (queue: string) =>
    ((await call('GET', '/api/queues')).body.queues[queue] ?? []) as Json[];

  it('lists one entry per waiting case, then takes, notes, sets pending, resolves and reopens it', async () => {
    // Prepare: an empty Indonesian queue, then three messages from one guest
    while ((await call('POST', '/api/queues/id-team/take', { agent: 'drain' })).status === 200);
    const first = await message('+6281200000001', 'halo, kamar saya');
    await message('+6281200000001', 'masih menunggu');
    await message('+6281200000001', 'tolong');
    const caseNumber = first.body.record.caseNumber;
    const listed = await waitingIn('id-team');

    // Act
    const taken = await call('POST', '/api/queues/id-team/take', { agent: 'agent-dewi' });
    const noted = await call('POST', `/api/cases/${caseNumber}/notes`, {
      agent: 'agent-dewi',
      text: 'VIP, call back',
    });
    const pending = await call('POST', `/api/cases/${caseNumber}/pending`, { agent: 'agent-dewi' });
    const resolved = await call('POST', `/api/cases/${caseNumber}/resolve`, { agent: 'agent-dewi' });
    const reopened = await call('POST', `/api/cases/${caseNumber}/reopen`, { agent: 'agent-dewi' });

    // Assess
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ caseNumber, contactCount: 3 });
    expect(listed[0]?.firstResponseDueAt).toBeDefined();
    expect(listed[0]?.effectivePriority).toBeGreaterThanOrEqual(1);
    expect(taken.status).toBe(200);
    expect(taken.body.case).toMatchObject({ caseNumber, status: 'with_agent' });
    expect(taken.body.contacts).toHaveLength(3);
    expect(noted.body.case.timeline.at(-1)).toMatchObject({
      type: 'note',
      note: 'VIP, call back',
      by: { kind: 'agent', id: 'agent-dewi' },
    });
    expect(pending.body.case.status).toBe('pending_guest');
    expect(resolved.body.case.status).toBe('resolved');
    expect(reopened.body.case).toMatchObject({ status: 'waiting', reopenCount: 1 });
  });

  it('answers 409 with the reason for an action the case does not allow, changing nothing', async () => {
    // Prepare
    const posted = await message('+6281200000002', 'halo');
    const caseNumber = posted.body.record.caseNumber;
    const before = (await call('GET', `/api/cases/${caseNumber}`)).body.case;

    // Act
    const refused = await call('POST', `/api/cases/${caseNumber}/reopen`, { agent: 'agent-dewi' });

    // Assess
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'not_allowed', status: 'waiting' });
    expect(refused.body.error).toContain('reopen refused');
    expect((await call('GET', `/api/cases/${caseNumber}`)).body.case).toEqual(before);
  });

  it('removes the entry of a resolved case, so the next take never hands out a settled case', async () => {
    // Prepare
    while ((await call('POST', '/api/queues/id-team/take', { agent: 'drain' })).status === 200);
    const posted = await message('+6281200000003', 'halo');
    const caseNumber = posted.body.record.caseNumber;

    // Act
    await call('POST', `/api/cases/${caseNumber}/resolve`, { agent: 'agent-dewi' });
    const next = await call('POST', '/api/queues/id-team/take', { agent: 'agent-dewi' });

    // Assess
    expect(next.status).toBe(204);
    expect(await waitingIn('id-team')).toEqual([]);
  });

  it('refuses an action without an agent, and a note without text, as 400; an unknown case as 404', async () => {
    // Prepare
    const posted = await message('+6281200000004', 'halo');
    const caseNumber = posted.body.record.caseNumber;

    // Act
    const noAgent = await call('POST', `/api/cases/${caseNumber}/resolve`, {});
    const noText = await call('POST', `/api/cases/${caseNumber}/notes`, { agent: 'a' });
    const unknown = await call('POST', '/api/cases/CR-000000/resolve', { agent: 'a' });

    // Assess
    expect([noAgent.status, noText.status, unknown.status]).toEqual([400, 400, 404]);
    expect((await call('GET', `/api/cases/${caseNumber}`)).body.case.status).toBe('waiting');
  });
});
