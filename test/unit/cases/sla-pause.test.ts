// The resolution clock stands still while a case waits for the guest (pending_guest).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../functions/domain/case';
import type { CaseAction } from '../../../functions/domain/cases/lifecycle-rules';
import type { CaseActor } from '../../../functions/domain/cases/lifecycle-types';
import { breachesAt, serviceLevelDue } from '../../../functions/domain/cases/service-levels';
import { transition } from '../../../functions/domain/cases/transition';
import { agent, caseOf, DAY, HOUR, policy } from './case-fixtures';

// Tuesday 10:00 in Paris: fr-team is open 08:00–22:00.
const OPENED = '2026-03-10T09:00:00.000Z';
const MINUTE = 60_000;

function waitingCase(overrides: Partial<Case> = {}): Case {
  const due = serviceLevelDue(policy, 'fr-team', 3, new Date(OPENED));
  return caseOf({ status: 'waiting', openedAt: OPENED, updatedAt: OPENED, ...due, ...overrides });
}

function apply(kase: Case, action: CaseAction, who: CaseActor, at: string): Case {
  const result = transition(kase, action, who, new Date(at), policy);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.case;
}

describe('resolution clock paused while the case waits for the guest', () => {
  it('moves the resolution due time by the opening time spent waiting for the guest', () => {
    // Prepare: the agent replies at 11:00 Paris; the guest answers at 15:00 the same day (4 open hours).
    const kase = apply(waitingCase(), { type: 'take' }, agent(), '2026-03-10T09:30:00.000Z');
    const pending = apply(kase, { type: 'reply' }, agent(), '2026-03-10T10:00:00.000Z');
    // Act
    const back = apply(
      pending,
      { type: 'contact_received', contactId: 'c-2' },
      'guest',
      '2026-03-10T14:00:00.000Z',
    );
    // Assess
    expect(pending.resolutionPausedAt).toBe('2026-03-10T10:00:00.000Z');
    expect(back.status).toBe('waiting');
    expect(back.resolutionPausedAt).toBeUndefined();
    // Four open hours added in opening time: as if the case had opened four open hours later.
    const later = serviceLevelDue(policy, 'fr-team', 3, new Date(Date.parse(OPENED) + 4 * HOUR));
    expect(back.resolutionDueAt).toBe(later.resolutionDueAt);
    expect(Date.parse(back.resolutionDueAt ?? '')).toBeGreaterThan(Date.parse(kase.resolutionDueAt ?? ''));
  });

  it('counts only opening time when the guest answers the next morning', () => {
    // Prepare: pending from 21:00 Paris (one open hour left) to 09:00 next day (one open hour since 08:00).
    const kase = apply(waitingCase(), { type: 'take' }, agent(), '2026-03-10T09:30:00.000Z');
    const pending = apply(kase, { type: 'pending' }, agent(), '2026-03-10T20:00:00.000Z');
    // Act
    const back = apply(pending, { type: 'connect' }, agent('a-2'), '2026-03-11T08:00:00.000Z');
    // Assess: two open hours of pause, not twelve wall-clock hours.
    const before = serviceLevelDue(policy, 'fr-team', 3, new Date(OPENED)).resolutionDueAt;
    const after = serviceLevelDue(
      policy,
      'fr-team',
      3,
      new Date(Date.parse(OPENED) + 2 * HOUR),
    ).resolutionDueAt;
    expect(back.status).toBe('with_agent');
    expect(back.resolutionDueAt).toBe(after);
    expect(back.resolutionDueAt).not.toBe(before);
  });

  it('does not flag a resolution breach while the case waits for the guest', () => {
    // Prepare: pending one hour before the resolution due time, then a week of silence.
    const kase = waitingCase({ status: 'with_agent', agentId: 'a-17', firstResponseAt: OPENED });
    const due = Date.parse(kase.resolutionDueAt ?? '');
    const pending = apply(kase, { type: 'pending' }, agent(), new Date(due - HOUR).toISOString());
    // Act
    const flags = breachesAt(pending, new Date(due + 7 * DAY));
    // Assess
    expect(flags.resolution).toBe(false);
  });

  it('resolving from pending_guest measures the resolution without the paused time', () => {
    // Prepare: around-the-clock resolution (priority 1): pending for two days, due in between.
    const kase = waitingCase({
      priority: 1,
      ...serviceLevelDue(policy, 'fr-team', 1, new Date(OPENED)),
      status: 'with_agent',
      agentId: 'a-17',
      firstResponseAt: OPENED,
    });
    const pending = apply(kase, { type: 'pending' }, agent(), '2026-03-10T10:00:00.000Z');
    // Act
    const resolved = apply(pending, { type: 'resolve' }, agent(), '2026-03-12T10:30:00.000Z');
    // Assess: 60 minutes of work against a 240-minute target, whatever the guest's two days.
    expect(resolved.breaches?.resolution).toBe(false);
    expect(Date.parse(resolved.resolutionDueAt ?? '') - Date.parse(kase.resolutionDueAt ?? '')).toBe(
      2 * DAY + 30 * MINUTE,
    );
  });
});

const anyAction = fc.constantFrom<CaseAction>(
  { type: 'contact_received', contactId: 'c-1' },
  { type: 'take' },
  { type: 'connect' },
  { type: 'reply' },
  { type: 'note', text: 'called the hotel' },
  { type: 'pending' },
  { type: 'resolve' },
  { type: 'reopen' },
);
const anyActor = fc.constantFrom<CaseActor>(agent('a-1'), agent('a-2'), 'system', 'guest');
const gap = fc.oneof(fc.integer({ min: 0, max: 3 * HOUR }), fc.integer({ min: 0, max: 3 * DAY }));
const steps = fc.array(fc.tuple(anyAction, anyActor, gap), { minLength: 1, maxLength: 30 });
const priority = fc.integer({ min: 1, max: 5 });

describe('resolution pause properties', () => {
  it('never makes a resolution due time earlier', () => {
    fc.assert(
      fc.property(steps, priority, (sequence, p) => {
        let kase = waitingCase({ priority: p, ...serviceLevelDue(policy, 'fr-team', p, new Date(OPENED)) });
        let now = Date.parse(OPENED);
        for (const [action, who, step] of sequence) {
          now += step;
          const result = transition(kase, action, who, new Date(now), policy);
          if (!result.ok) continue;
          expect(Date.parse(result.case.resolutionDueAt ?? '')).toBeGreaterThanOrEqual(
            Date.parse(kase.resolutionDueAt ?? ''),
          );
          kase = result.case;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('leaves the due times of a case that is never pending as they are today', () => {
    const neverPending = anyAction.filter((a) => a.type !== 'reply' && a.type !== 'pending');
    const sequences = fc.array(fc.tuple(neverPending, anyActor, gap), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(sequences, priority, (sequence, p) => {
        const due = serviceLevelDue(policy, 'fr-team', p, new Date(OPENED));
        let kase = waitingCase({ priority: p, ...due });
        let now = Date.parse(OPENED);
        for (const [action, who, step] of sequence) {
          now += step;
          const result = transition(kase, action, who, new Date(now), policy);
          if (!result.ok) continue;
          kase = result.case;
          expect(kase.status).not.toBe('pending_guest');
          expect(kase.resolutionPausedAt).toBeUndefined();
          expect([kase.firstResponseDueAt, kase.resolutionDueAt]).toEqual([
            due.firstResponseDueAt,
            due.resolutionDueAt,
          ]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('moves an around-the-clock due time by exactly the paused time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 * DAY }),
        fc.integer({ min: 1, max: 5 * DAY }),
        (at, pause) => {
          // Priority 1 resolves around the clock in the shipped policy.
          const due = serviceLevelDue(policy, 'fr-team', 1, new Date(OPENED));
          const start = waitingCase({
            priority: 1,
            ...due,
            status: 'with_agent',
            agentId: 'a-1',
            firstResponseAt: OPENED,
          });
          const pendingAt = Date.parse(OPENED) + at;
          const pending = apply(start, { type: 'pending' }, agent('a-1'), new Date(pendingAt).toISOString());
          const back = apply(
            pending,
            { type: 'connect' },
            agent('a-2'),
            new Date(pendingAt + pause).toISOString(),
          );
          expect(Date.parse(back.resolutionDueAt ?? '') - Date.parse(due.resolutionDueAt)).toBe(pause);
        },
      ),
      { numRuns: 100 },
    );
  });
});
