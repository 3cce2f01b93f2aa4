import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECENT_CONTACT_EVENTS } from '../../functions/domain/cases/full-timeline';
import { readConfig } from '../../local/config';
import { type Runtime, startRuntime } from '../../local/runtime';

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

describe('a long case over the local HTTP API', () => {
  let runtime: Runtime;

  beforeAll(async () => {
    runtime = await startRuntime({
      ...readConfig({ PORT: '0', CONTACT_ROUTER_NOW: '2026-11-23T10:00:00.000Z' }),
      dataDir: 'memory',
    });
  });
  afterAll(() => runtime.close());

  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${runtime.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  it('shows every contact on the timeline of a case with more contacts than the stored case keeps', async () => {
    // Prepare: one opening message, then more follow-ups than the case item keeps contact events of
    const from = '+447700900777';
    const total = RECENT_CONTACT_EVENTS + 15;
    const first = await call('POST', '/api/contacts', {
      channel: 'sms',
      from,
      text: 'Hello, my room',
      languageHint: 'en',
    });
    for (let i = 1; i < total; i++)
      await call('POST', '/api/contacts', {
        channel: 'sms',
        from,
        text: `Still waiting (${i})`,
        languageHint: 'en',
      });
    const caseNumber = first.body.record.caseNumber as string;
    await call('POST', `/api/cases/${caseNumber}/notes`, { agent: 'agent-ana', text: 'calling back' });

    // Act
    const { status, body } = await call('GET', `/api/cases/${caseNumber}`);

    // Assess: the opening, every follow-up once, the note; in time order
    expect(status).toBe(200);
    const timeline = body.case.timeline as Json[];
    const contactIds = body.contacts.map((c: Json) => c.id);
    expect(body.case.contactCount).toBe(total);
    expect(contactIds).toHaveLength(total);
    expect(timeline.filter((e) => e.type === 'contact')).toHaveLength(total - 1);
    expect(new Set(timeline.flatMap((e) => (e.contactId ? [e.contactId] : [])))).toEqual(new Set(contactIds));
    expect(timeline[0]?.type).toBe('opened');
    expect(timeline.at(-1)).toMatchObject({ type: 'note', note: 'calling back' });
    const times = timeline.map((e) => e.at as string);
    expect(times).toEqual([...times].sort());
  });
});
