import { describe, expect, it } from 'vitest';
import type { Case } from '../../../functions/domain/case';
import { type FollowUpDecision, followUpDecision, isActive } from '../../../functions/domain/cases/follow-up';
import type { CaseAction } from '../../../functions/domain/cases/lifecycle-rules';
import { type CaseActor, LIFECYCLE_STATUSES } from '../../../functions/domain/cases/lifecycle-types';
import { transition } from '../../../functions/domain/cases/transition';
import { agent, caseOf, DAY, hoursIn, policy } from './case-fixtures';

// Applies steps in order and fails loudly on the first refusal.
function run(kase: Case, steps: readonly [CaseAction, CaseActor, Date][]): Case {
  let current = kase;
  for (const [action, who, at] of steps) {
    const result = transition(current, action, who, at, policy);
    if (!result.ok) throw new Error(`${action.type} refused: ${result.reason}`);
    current = result.case;
  }
  return current;
}

describe('transition', () => {
  it('walks a case from new to closed, recording who did what and when', () => {
    // Prepare
    const steps: [CaseAction, CaseActor, Date][] = [
      [{ type: 'queued' }, 'system', hoursIn(0)],
      [{ type: 'take' }, agent('a-1'), hoursIn(1)],
      [{ type: 'pending' }, agent('a-1'), hoursIn(2)],
      [{ type: 'contact_received', contactId: 'c-2', channel: 'sms' }, 'guest', hoursIn(3)],
      [{ type: 'connect' }, agent('a-2'), hoursIn(4)],
      [{ type: 'resolve' }, 'system', hoursIn(5)],
    ];
    // Act
    const resolved = run(caseOf(), steps);
    const closed = transition(
      resolved,
      { type: 'close' },
      'system',
      new Date(hoursIn(5).getTime() + 14 * DAY),
      policy,
    );
    // Assess
    expect(resolved).toMatchObject({
      status: 'resolved',
      agentId: 'a-2',
      contactCount: 2,
      resolvedAt: hoursIn(5).toISOString(),
    });
    expect(resolved.firstResponseAt).toBe(hoursIn(1).toISOString());
    expect(closed.ok && closed.case.status).toBe('closed');
  });

  it('returns the timeline events with actor, time and resulting status, first response once', () => {
    const taken = transition(
      caseOf({ status: 'waiting' }),
      { type: 'take' },
      agent('a-1'),
      hoursIn(1),
      policy,
    );
    expect(taken.ok && taken.events).toEqual([
      { type: 'taken', at: hoursIn(1).toISOString(), by: agent('a-1'), status: 'with_agent' },
      { type: 'first_response', at: hoursIn(1).toISOString(), by: agent('a-1'), status: 'with_agent' },
    ]);
    const again = run(caseOf({ status: 'waiting' }), [
      [{ type: 'reply' }, agent('a-1'), hoursIn(1)],
      [{ type: 'contact_received' }, 'guest', hoursIn(2)],
    ]);
    const second = transition(again, { type: 'take' }, agent('a-2'), hoursIn(3), policy);
    expect(second.ok && second.events.map((e) => e.type)).toEqual(['taken']);
    expect(second.ok && second.case.firstResponseAt).toBe(hoursIn(1).toISOString());
  });

  it('keeps a note internal: no status change, the text on the event', () => {
    const noted = transition(
      caseOf({ status: 'with_agent' }),
      { type: 'note', text: 'rang hotel' },
      agent(),
      hoursIn(1),
      policy,
    );
    expect(noted.ok && noted.case.status).toBe('with_agent');
    expect(noted.ok && noted.events[0]).toMatchObject({ type: 'note', note: 'rang hotel', by: agent() });
  });

  it('refuses to resolve a merged case, naming the reason and changing nothing', () => {
    const merged = run(caseOf({ status: 'waiting' }), [
      [{ type: 'merge', into: 'CR-AAAAAA' }, 'system', hoursIn(1)],
    ]);
    expect(merged.mergedInto).toBe('CR-AAAAAA');
    expect(transition(merged, { type: 'resolve' }, agent(), hoursIn(2), policy)).toEqual({
      ok: false,
      reason: 'case_merged',
      action: 'resolve',
      status: 'merged',
    });
  });

  it.each([
    ['a guest resolving', caseOf({ status: 'waiting' }), { type: 'resolve' }, 'guest', 'not_permitted'],
    [
      'an agent closing',
      caseOf({ status: 'resolved', resolvedAt: hoursIn(0).toISOString() }),
      { type: 'close' },
      agent(),
      'not_permitted',
    ],
    [
      'closing too early',
      caseOf({ status: 'resolved', resolvedAt: hoursIn(0).toISOString() }),
      { type: 'close' },
      'system',
      'close_not_due',
    ],
    ['closing an open case', caseOf({ status: 'waiting' }), { type: 'close' }, 'system', 'not_allowed'],
    [
      'taking a case an agent holds',
      caseOf({ status: 'with_agent', agentId: 'a-1' }),
      { type: 'take' },
      agent('a-2'),
      'already_with_agent',
    ],
    [
      'resolving twice',
      caseOf({ status: 'resolved', resolvedAt: hoursIn(0).toISOString() }),
      { type: 'resolve' },
      agent(),
      'already_resolved',
    ],
    ['pending while waiting', caseOf({ status: 'waiting' }), { type: 'pending' }, agent(), 'not_allowed'],
    [
      'reopening a closed case',
      caseOf({ status: 'closed', resolvedAt: hoursIn(0).toISOString() }),
      { type: 'reopen' },
      agent(),
      'case_closed',
    ],
    [
      'merging into itself',
      caseOf({ status: 'waiting' }),
      { type: 'merge', into: 'CR-7K4M2Q' },
      'system',
      'self_merge',
    ],
  ] as [string, Case, CaseAction, CaseActor, string][])('refuses %s', (_name, kase, action, who, reason) => {
    const result = transition(kase, action, who, hoursIn(1), policy);
    expect(result.ok ? 'accepted' : result.reason).toBe(reason);
  });

  it('refuses a time before the case opened or that is no time at all', () => {
    expect(transition(caseOf(), { type: 'queued' }, 'system', hoursIn(-1), policy)).toMatchObject({
      reason: 'invalid_time',
    });
    expect(transition(caseOf(), { type: 'queued' }, 'system', new Date('x'), policy)).toMatchObject({
      reason: 'invalid_time',
    });
  });

  it('lets a connected agent take over from another (a transfer), but not reconnect the same one', () => {
    const held = caseOf({ status: 'with_agent', agentId: 'a-1', firstResponseAt: hoursIn(0).toISOString() });
    const transferred = transition(held, { type: 'connect' }, agent('a-2'), hoursIn(1), policy);
    expect(transferred.ok && transferred.case.agentId).toBe('a-2');
    expect(transition(held, { type: 'connect' }, agent('a-1'), hoursIn(1), policy)).toMatchObject({
      reason: 'already_with_agent',
    });
  });

  it('reads a case stored as "open" as waiting', () => {
    const taken = transition(caseOf({ status: 'open' }), { type: 'take' }, agent(), hoursIn(1), policy);
    expect(taken.ok && taken.case.status).toBe('with_agent');
  });
});

describe('a contact on a settled case', () => {
  const resolved = caseOf({ status: 'resolved', resolvedAt: hoursIn(0).toISOString(), agentId: 'a-1' });

  it('reopens a case resolved within reopenWithinDays and puts it back in the queue', () => {
    const at = new Date(hoursIn(0).getTime() + policy.cases.reopenWithinDays * DAY);
    const result = transition(resolved, { type: 'contact_received', contactId: 'c-9' }, 'guest', at, policy);
    expect(result.ok && result.case).toMatchObject({
      status: 'waiting',
      resolvedAt: undefined,
      reopenCount: 1,
      contactCount: 2,
    });
    expect(result.ok && result.events.map((e) => e.type)).toEqual(['reopened', 'contact']);
  });

  it('asks for a new case linking the old one when the contact comes later', () => {
    const at = new Date(hoursIn(0).getTime() + policy.cases.reopenWithinDays * DAY + 1);
    const result = transition(resolved, { type: 'contact_received' }, 'guest', at, policy);
    expect(result).toMatchObject({ ok: false, reason: 'new_case_needed', linkedTo: 'CR-7K4M2Q' });
  });

  it('asks for a new case on a closed case, however recent', () => {
    const closed = caseOf({
      status: 'closed',
      resolvedAt: hoursIn(0).toISOString(),
      closedAt: hoursIn(1).toISOString(),
    });
    const result = transition(closed, { type: 'contact_received' }, 'guest', hoursIn(2), policy);
    expect(result).toMatchObject({ ok: false, reason: 'new_case_needed', linkedTo: 'CR-7K4M2Q' });
  });

  it('sends a guest answering a pending case back to the waiting list', () => {
    const pending = caseOf({ status: 'pending_guest', agentId: 'a-1' });
    const result = transition(pending, { type: 'contact_received' }, 'guest', hoursIn(1), policy);
    expect(result.ok && result.case).toMatchObject({ status: 'waiting', agentId: 'a-1', contactCount: 2 });
  });
});

describe('followUpDecision', () => {
  const at = hoursIn(2);

  it.each([
    ['waiting', caseOf({ status: 'waiting' }), { kind: 'continue' }],
    ['stored as open', caseOf({ status: 'open' }), { kind: 'continue' }],
    ['pending the guest', caseOf({ status: 'pending_guest' }), { kind: 'continue' }],
    [
      'resolved an hour ago',
      caseOf({ status: 'resolved', resolvedAt: hoursIn(1).toISOString() }),
      { kind: 'reopen' },
    ],
    ['resolved without a time', caseOf({ status: 'resolved' }), { kind: 'new_case', linkedTo: 'CR-7K4M2Q' }],
    [
      'closed',
      caseOf({ status: 'closed', resolvedAt: hoursIn(1).toISOString() }),
      { kind: 'new_case', linkedTo: 'CR-7K4M2Q' },
    ],
    ['merged', caseOf({ status: 'merged', mergedInto: 'CR-AAAAAA' }), { kind: 'merged', into: 'CR-AAAAAA' }],
  ] as [string, Case, FollowUpDecision][])('decides for a case %s', (_name, kase, decision) => {
    expect(followUpDecision(kase, at, policy)).toEqual(decision);
  });

  it('tells which statuses still take contacts', () => {
    expect(LIFECYCLE_STATUSES.filter(isActive)).toEqual(['new', 'waiting', 'with_agent', 'pending_guest']);
    expect(isActive('open')).toBe(true);
  });
});
