import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openJustBefore } from '../../../functions/domain/cases/opening-minutes';
import { serviceLevelDue } from '../../../functions/domain/cases/service-levels';
import { compilePolicy } from '../../../functions/domain/routing/compile-policy';
import { policy } from './case-fixtures';

const MINUTE = 60_000;
const teams = Object.entries(policy.queues)
  .filter(([, queue]) => !queue.alwaysOpen)
  .map(([id]) => id);
// Instants across 2026–2027 (both DST switches each year), with extra weight on holidays and special dates.
const overrideDates = Object.entries(policy.queues).flatMap(([id, q]) => [
  ...Object.keys(policy.calendar.teams[id]?.days ?? {}),
  ...Object.keys(q.specialHours),
]);
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 20) }),
  fc
    .tuple(fc.constantFrom(...overrideDates), fc.integer({ min: -36 * 60, max: 36 * 60 }))
    .map(([date, minute]) => Date.parse(`${date}T00:00:00Z`) + minute * MINUTE),
);
// Priorities whose targets the shipped policy counts in opening hours.
const businessPriority = fc.constantFrom(2, 3, 4, 5);

describe('service-level properties', () => {
  it('never puts a due time counted in opening hours inside closed time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...teams), instant, businessPriority, (queueId, openedMs, priority) => {
        const queue = compilePolicy(policy).queues.get(queueId);
        if (!queue) throw new Error(queueId);
        const due = serviceLevelDue(policy, queueId, priority, new Date(openedMs));
        for (const at of [due.firstResponseDueAt, due.resolutionDueAt])
          expect(openJustBefore(queue, Date.parse(at)), `${queueId} ${at}`).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('never promises sooner in opening hours than around the clock', () => {
    fc.assert(
      fc.property(fc.constantFrom(...teams), instant, businessPriority, (queueId, openedMs, priority) => {
        const due = serviceLevelDue(policy, queueId, priority, new Date(openedMs));
        const first = compilePolicy(policy).queues.get(queueId)?.responseMinutes[priority] ?? 0;
        const key = String(priority) as '2' | '3' | '4' | '5';
        const resolution = policy.serviceLevels.priorities[key].resolution.minutes;
        expect(Date.parse(due.firstResponseDueAt)).toBeGreaterThanOrEqual(openedMs + first * MINUTE);
        expect(Date.parse(due.resolutionDueAt)).toBeGreaterThanOrEqual(openedMs + resolution * MINUTE);
      }),
      { numRuns: 150 },
    );
  });

  it('never makes a case opened later due earlier', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...teams),
        instant,
        fc.integer({ min: 0, max: 3 * 24 * 60 }),
        businessPriority,
        (queueId, openedMs, laterMinutes, priority) => {
          const early = serviceLevelDue(policy, queueId, priority, new Date(openedMs));
          const late = serviceLevelDue(policy, queueId, priority, new Date(openedMs + laterMinutes * MINUTE));
          expect(Date.parse(late.firstResponseDueAt)).toBeGreaterThanOrEqual(
            Date.parse(early.firstResponseDueAt),
          );
          expect(Date.parse(late.resolutionDueAt)).toBeGreaterThanOrEqual(Date.parse(early.resolutionDueAt));
        },
      ),
      { numRuns: 100 },
    );
  });
});
