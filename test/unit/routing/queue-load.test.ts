import { describe, expect, it } from 'vitest';
import { CachedQueueLoad, type QueueLoad } from '../../../functions/domain/routing/queue-load';
import type { WaitingCounts } from '../../../functions/domain/routing/shed';
import { TestClock } from '../../support/intake-harness';

// A source that counts its reads and answers what the test sets.
function source(answers: (() => Promise<WaitingCounts>)[]): QueueLoad & { reads: number } {
  const counted = {
    reads: 0,
    waitingCases: () => {
      const answer = answers[Math.min(counted.reads, answers.length - 1)];
      counted.reads++;
      return answer ? answer() : Promise.resolve({});
    },
  };
  return counted;
}

describe('CachedQueueLoad', () => {
  it('reads the counts once for every contact within 5 seconds, then again', async () => {
    // Prepare
    const clock = new TestClock(new Date('2026-11-23T10:00:00Z'));
    const counts = source([async () => ({ 'en-team': 3 }), async () => ({ 'en-team': 60 })]);
    const load = new CachedQueueLoad(counts, clock);
    // Act
    const together = await Promise.all([load.waitingCases(), load.waitingCases()]);
    clock.current = new Date('2026-11-23T10:00:04.900Z');
    const soon = await load.waitingCases();
    clock.current = new Date('2026-11-23T10:00:05.000Z');
    const later = await load.waitingCases();
    // Assess
    expect(together).toEqual([{ 'en-team': 3 }, { 'en-team': 3 }]);
    expect(soon).toEqual({ 'en-team': 3 });
    expect(later).toEqual({ 'en-team': 60 });
    expect(counts.reads).toBe(2);
  });

  it('keeps no failed reading: the next contact reads again', async () => {
    // Prepare
    const clock = new TestClock(new Date('2026-11-23T10:00:00Z'));
    const counts = source([() => Promise.reject(new Error('scan failed')), async () => ({ 'fr-team': 7 })]);
    const load = new CachedQueueLoad(counts, clock);
    // Act
    const failed = await load.waitingCases().catch((error: Error) => error.message);
    const next = await load.waitingCases();
    // Assess
    expect(failed).toBe('scan failed');
    expect(next).toEqual({ 'fr-team': 7 });
  });
});
