// What a case needs once the task carrying it ended without an agent, and the supervisor flag.
import { describe, expect, it } from 'vitest';
import {
  afterUnansweredTask,
  UNANSWERED_TASKS_BEFORE_SUPERVISOR,
} from '../../../functions/domain/cases/agent-task-events';
import { transition } from '../../../functions/domain/cases/transition';
import { agent, caseOf, hoursIn, policy } from './case-fixtures';

describe('afterUnansweredTask', () => {
  it('starts a new task for a case that still waits, until too many ended unanswered in a row', () => {
    const waiting = caseOf({ status: 'waiting' });
    expect(afterUnansweredTask(waiting, 1, true)).toEqual({ next: 'new_task' });
    expect(afterUnansweredTask(waiting, UNANSWERED_TASKS_BEFORE_SUPERVISOR - 1, true)).toEqual({
      next: 'new_task',
    });
    expect(afterUnansweredTask(waiting, UNANSWERED_TASKS_BEFORE_SUPERVISOR, true)).toEqual({
      next: 'supervisor',
      reason: `${UNANSWERED_TASKS_BEFORE_SUPERVISOR} tasks in a row ended without an agent`,
    });
  });

  it('asks a supervisor at once where no new task can be started (a caller who hung up)', () => {
    expect(afterUnansweredTask(caseOf({ status: 'open' }), 1, false)).toEqual({
      next: 'supervisor',
      reason: 'the call ended before an agent answered',
    });
  });

  it('needs nothing when the call ended because its caller took the callback, until an agent answers', () => {
    // Prepare: the caller took the callback (a guest's callback_requested); later an agent connected
    const asked = transition(
      caseOf({ status: 'waiting' }),
      { type: 'callback', text: 'call back +4930222333: asked while waiting in the queue' },
      'guest',
      hoursIn(1),
      policy,
    );
    if (!asked.ok) throw new Error(asked.reason);
    const withCallback = { ...asked.case, timeline: [...asked.case.timeline, ...asked.events] };
    const connected = transition(withCallback, { type: 'connect' }, agent(), hoursIn(2), policy);
    if (!connected.ok) throw new Error(connected.reason);
    const answeredSince = { ...withCallback, timeline: [...withCallback.timeline, ...connected.events] };

    // Assess: a Connect task that ended still gets a new one (the case needs its entry)
    expect(afterUnansweredTask(withCallback, 1, false)).toEqual({
      next: 'nothing',
      why: 'the caller asked to be called back',
    });
    expect(afterUnansweredTask(withCallback, 1, true)).toEqual({ next: 'new_task' });
    expect(afterUnansweredTask(answeredSince, 1, false)).toMatchObject({ next: 'supervisor' });
  });

  it('needs nothing for a case that moved on or does not exist', () => {
    for (const status of ['with_agent', 'pending_guest', 'resolved', 'closed', 'merged'] as const)
      expect(afterUnansweredTask(caseOf({ status }), 1, true)).toMatchObject({ next: 'nothing' });
    expect(afterUnansweredTask(undefined, 1, true)).toMatchObject({ next: 'nothing' });
  });
});

describe('flag action', () => {
  it('puts a system flag with its reason on the timeline and leaves the status as it was', () => {
    const result = transition(
      caseOf({ status: 'waiting' }),
      { type: 'flag', reason: 'r' },
      'system',
      hoursIn(1),
      policy,
    );
    expect(result).toMatchObject({
      ok: true,
      case: { status: 'waiting' },
      events: [{ type: 'flagged', by: 'system', status: 'waiting', note: 'r' }],
    });
  });

  it('is the system’s alone, and only on an active case', () => {
    const waiting = caseOf({ status: 'waiting' });
    expect(transition(waiting, { type: 'flag', reason: 'r' }, agent(), hoursIn(1), policy)).toMatchObject({
      ok: false,
      reason: 'not_permitted',
    });
    expect(
      transition(
        caseOf({ status: 'resolved', resolvedAt: hoursIn(0).toISOString() }),
        { type: 'flag', reason: 'r' },
        'system',
        hoursIn(1),
        policy,
      ),
    ).toMatchObject({ ok: false, reason: 'not_allowed' });
  });
});

describe('supervisor flag on the case', () => {
  const flag = { type: 'flag', reason: 'r' } as const;
  const flaggedAt = hoursIn(1);
  const flaggedCase = () => {
    const result = transition(caseOf({ status: 'waiting' }), flag, 'system', flaggedAt, policy);
    if (!result.ok) throw new Error(result.reason);
    return result.case;
  };

  it('stays on the case through notes and follow-ups', () => {
    const kase = flaggedCase();
    expect(kase.flagged).toEqual({ reason: 'r', at: flaggedAt.toISOString() });
    const noted = transition(kase, { type: 'note', text: 'n' }, agent(), hoursIn(2), policy);
    expect(noted).toMatchObject({ ok: true, case: { flagged: { reason: 'r' } } });
  });

  it('is cleared once an agent has the case or it is settled', () => {
    for (const action of [{ type: 'take' }, { type: 'connect' }, { type: 'resolve' }] as const) {
      const result = transition(flaggedCase(), action, agent(), hoursIn(2), policy);
      expect(result.ok && result.case.flagged).toBe(undefined);
      expect(result.ok && 'flagged' in result.case).toBe(true);
    }
  });
});
