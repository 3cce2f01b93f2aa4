import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../functions/domain/case';
import { lifecycleStatus } from '../../../functions/domain/cases/follow-up';
import type { CaseAction } from '../../../functions/domain/cases/lifecycle-rules';
import type { CaseActor } from '../../../functions/domain/cases/lifecycle-types';
import { transition } from '../../../functions/domain/cases/transition';
import { agent, caseOf, DAY, HOUR, policy } from './case-fixtures';

const anyAction = fc.constantFrom<CaseAction>(
  { type: 'contact_received', contactId: 'c-1' },
  { type: 'queued' },
  { type: 'take' },
  { type: 'connect' },
  { type: 'reply' },
  { type: 'note', text: 'called the hotel' },
  { type: 'pending' },
  { type: 'resolve' },
  { type: 'reopen' },
  { type: 'close' },
  { type: 'merge', into: 'CR-AAAAAA' },
  { type: 'merge', into: 'CR-7K4M2Q' },
  { type: 'flag', reason: 'tasks keep ending unanswered' },
);
const anyActor = fc.constantFrom<CaseActor>(agent('a-1'), agent('a-2'), 'system', 'guest');
// Mostly minutes to hours apart, sometimes days: enough to cross the reopen and close windows.
const gap = fc.oneof(fc.integer({ min: 0, max: 2 * HOUR }), fc.integer({ min: 0, max: 20 * DAY }));
const steps = fc.array(fc.tuple(anyAction, anyActor, gap), { minLength: 1, maxLength: 40 });
const ACTIVE = ['new', 'waiting', 'with_agent', 'pending_guest'];

describe('lifecycle properties', () => {
  it('keeps every invariant along any sequence of actions', () => {
    fc.assert(
      fc.property(steps, (sequence) => {
        const due = Date.parse(caseOf().openedAt) + HOUR;
        let kase: Case = caseOf({ firstResponseDueAt: new Date(due).toISOString() });
        let now = Date.parse(kase.openedAt);
        for (const [action, who, step] of sequence) {
          now += step;
          const before = kase;
          const result = transition(kase, action, who, new Date(now), policy);
          const was = lifecycleStatus(before.status);
          if (was === 'merged') expect(result).toMatchObject({ ok: false, reason: 'case_merged' });
          if (was === 'closed' && action.type !== 'note') expect(result.ok).toBe(false);
          if (!result.ok) continue;
          kase = result.case;
          const status = lifecycleStatus(kase.status);
          // First response: set once, never moved.
          if (before.firstResponseAt !== undefined) expect(kase.firstResponseAt).toBe(before.firstResponseAt);
          // Resolved and closed cases say when they were resolved; active ones do not.
          if (status === 'resolved' || status === 'closed') expect(kase.resolvedAt).toBeDefined();
          if (ACTIVE.includes(status)) expect(kase.resolvedAt).toBeUndefined();
          if (status === 'closed') {
            const held = Date.parse(kase.closedAt ?? '') - Date.parse(kase.resolvedAt ?? '');
            expect(held).toBeGreaterThanOrEqual(policy.cases.closeAfterDays * DAY);
          }
          if (status === 'merged') expect(kase.mergedInto).not.toBe(kase.caseNumber);
          if (status === 'with_agent') expect(kase.agentId && kase.firstResponseAt).toBeTruthy();
          // Closed only comes from resolved, and only the system closes or merges.
          if (status === 'closed' && was !== 'closed') expect([was, who]).toEqual(['resolved', 'system']);
          if (status === 'merged') expect(who).toBe('system');
          expect(kase.contactCount).toBe(before.contactCount + (action.type === 'contact_received' ? 1 : 0));
          // Never a silent change: every accepted action is on the timeline, by whom and when.
          expect(result.events.length).toBeGreaterThan(0);
          for (const event of result.events)
            expect(event).toMatchObject({ at: new Date(now).toISOString(), by: who });
          // The breach flag follows the first response (or its absence) and, once set, stays set.
          const answeredAt = kase.firstResponseAt === undefined ? now : Date.parse(kase.firstResponseAt);
          expect(kase.breaches?.firstResponse).toBe(answeredAt > due);
          if (before.breaches?.firstResponse) expect(kase.breaches?.firstResponse).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never lets a merged case move again, whatever comes', () => {
    fc.assert(
      fc.property(anyAction, anyActor, gap, (action, who, step) => {
        const merged = caseOf({ status: 'merged', mergedInto: 'CR-AAAAAA' });
        const result = transition(merged, action, who, new Date(Date.parse(merged.openedAt) + step), policy);
        expect(result).toMatchObject({ ok: false, reason: 'case_merged' });
      }),
    );
  });

  it('keeps a closed case closed: only internal notes are accepted', () => {
    fc.assert(
      fc.property(anyAction, anyActor, gap, (action, who, step) => {
        const closed = caseOf({
          status: 'closed',
          resolvedAt: caseOf().openedAt,
          closedAt: caseOf().openedAt,
        });
        const result = transition(closed, action, who, new Date(Date.parse(closed.openedAt) + step), policy);
        if (result.ok) {
          expect(action.type).toBe('note');
          expect(result.case.status).toBe('closed');
        }
      }),
    );
  });
});
