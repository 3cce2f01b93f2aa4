import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localQueueArn } from '../../local/doors/voice/connect-local';
import { type IvrHarness, LINES, startIvrHarness } from './ivr-harness';

let bench: IvrHarness;
beforeAll(async () => {
  bench = await startIvrHarness();
});
afterAll(async () => bench.stop());

const queued = (r: { end: { kind: string; queueArn?: string } }) =>
  r.end.kind === 'queue' ? r.end.queueArn : r.end.kind;

async function waiting(queue: string, callId: string) {
  return (await bench.h.center.listQueue(queue)).find((h) => h.contactId === `voice:${callId}`);
}

describe('simulated calls through contact-flows/main-inbound.json when the team is away', () => {
  it('sends the call to the 24/7 queue when the team is closed by the policy (Sunday night in Paris)', async () => {
    const before = bench.h.clock.current;
    bench.h.clock.current = new Date('2026-11-22T22:10:00Z');
    try {
      const call = await bench.call(LINES.fr, '+15550000005', [undefined, '5', '#']);
      expect(queued(call)).toBe(localQueueArn('global-247'));
      const entry = await waiting('global-247', call.contactId);
      expect(entry?.reasons.join(' ')).toMatch(/fr-team closed/);
      // The caller hears, in French, that the French team is closed and the English-speaking one answers.
      expect(call.heard.join(' ')).toMatch(/français.*fermée.*anglais/);
    } finally {
      bench.h.clock.current = before;
    }
  });

  it('tells a verified caller who asks for an agent after the status that the French team is closed', async () => {
    const before = bench.h.clock.current;
    bench.h.clock.current = new Date('2026-11-22T22:20:00Z');
    try {
      // Act: anything else, Camille's booking and PIN, then 1 for an agent after hearing the status
      const call = await bench.call(LINES.fr, '+33612345678', [undefined, '5', '1000000016#', '1111', '1']);
      // Assess
      expect(queued(call)).toBe(localQueueArn('global-247'));
      expect(call.heard.join(' ')).toMatch(/français.*fermée.*anglais/);
    } finally {
      bench.h.clock.current = before;
    }
  });

  it("falls back when Connect's own hours check says closed, and the local queue follows the flow", async () => {
    bench.faults.closed.add('it-team');
    try {
      const call = await bench.call(LINES.it, '+15550000006', [undefined, '5', '#']);
      expect(call.attributes.queue).toBe('global-247');
      expect(queued(call)).toBe(localQueueArn('global-247'));
      const entry = await waiting('global-247', call.contactId);
      expect(entry?.reasons.at(-1)).toContain('it-team closed, unstaffed or full in the contact centre');
    } finally {
      bench.faults.closed.clear();
    }
  });

  it('falls back when the team has no agent staffed (route() and the flow guard agree)', async () => {
    bench.h.center.setStaffing({ 'es-team': 0 });
    try {
      const call = await bench.call(LINES.es, '+15550000007', [undefined, '5', '#']);
      expect(queued(call)).toBe(localQueueArn('global-247'));
      expect((await waiting('global-247', call.contactId))?.reasons.join(' ')).toContain(
        'es-team has no agent staffed',
      );
    } finally {
      bench.h.center.setStaffing({});
    }
    bench.faults.unstaffed.add('nl-team');
    try {
      const call = await bench.call(LINES.nl, '+15550000008', [undefined, '5', '#']);
      expect(queued(call)).toBe(localQueueArn('global-247'));
    } finally {
      bench.faults.unstaffed.clear();
    }
  });
});
