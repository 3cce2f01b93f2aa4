import { describe, expect, it } from 'vitest';
import { transition } from '../../../functions/domain/cases/transition';
import { agent, caseOf, hoursIn, policy } from '../cases/case-fixtures';

describe('reply and call-back transitions', () => {
  it('records the reply text and message on the timeline and waits for the guest', () => {
    // Act
    const moved = transition(
      caseOf({ status: 'with_agent', agentId: 'a-17' }),
      { type: 'reply', messageId: 'CR-7K4M2Q:reply:k1', text: 'Bonjour Camille' },
      agent(),
      hoursIn(1),
      policy,
    );

    // Assess
    expect(moved.ok && moved.case.status).toBe('pending_guest');
    expect(moved.ok && moved.case.firstResponseAt).toBe(hoursIn(1).toISOString());
    expect(moved.ok && moved.events[0]).toMatchObject({
      type: 'replied',
      note: 'Bonjour Camille',
      messageId: 'CR-7K4M2Q:reply:k1',
    });
  });

  it('puts a case back in its queue for a call back, keeping its agent and setting no first response', () => {
    // Act
    const moved = transition(
      caseOf({ status: 'with_agent', agentId: 'a-17' }),
      { type: 'callback', text: 'call back +33142685300: dates', messageId: 'm1' },
      agent(),
      hoursIn(1),
      policy,
    );

    // Assess
    expect(moved.ok && moved.case).toMatchObject({ status: 'waiting', agentId: 'a-17' });
    expect(moved.ok && moved.case.firstResponseAt).toBeUndefined();
    expect(moved.ok && moved.events.map((e) => e.type)).toEqual(['callback_requested']);
  });

  it('lets a waiting caller ask for the call back (the offer in the queue), but not reply or take the case', () => {
    // Act
    const asked = transition(
      caseOf({ status: 'waiting' }),
      { type: 'callback', text: 'call back +4930222333: asked while waiting in the queue' },
      'guest',
      hoursIn(1),
      policy,
    );
    const replied = transition(caseOf({ status: 'waiting' }), { type: 'reply' }, 'guest', hoursIn(1), policy);

    // Assess: still waiting, the event by the guest
    expect(asked.ok && asked.case.status).toBe('waiting');
    expect(asked.ok && asked.events).toEqual([
      expect.objectContaining({ type: 'callback_requested', by: 'guest' }),
    ]);
    expect(replied).toMatchObject({ ok: false, reason: 'not_permitted' });
  });

  it('refuses a reply on a resolved, closed or merged case', () => {
    for (const status of ['resolved', 'closed', 'merged'] as const) {
      const moved = transition(
        caseOf({ status, resolvedAt: hoursIn(1).toISOString() }),
        { type: 'reply' },
        agent(),
        hoursIn(2),
        policy,
      );
      expect(moved.ok, status).toBe(false);
    }
  });
});
