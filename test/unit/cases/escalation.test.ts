import { describe, expect, it } from 'vitest';
import { connectRoutingData } from '../../../functions/domain/cases/connect-routing';
import {
  effectivePriority,
  orderWaiting,
  type WaitingCase,
  waitingDueAt,
} from '../../../functions/domain/cases/escalation';
import { policy } from './case-fixtures';

const NOW = new Date('2026-03-10T12:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

function waiting(caseNumber: string, overrides: Partial<WaitingCase> = {}): WaitingCase {
  return {
    caseNumber,
    priority: 3,
    topic: 'change_booking',
    dueAt: minutesAgo(0),
    waitingSince: minutesAgo(60),
    ...overrides,
  };
}

describe('effectivePriority', () => {
  it('rises one step per escalation interval past the due time', () => {
    // everyMinutes is 30 in the shipped policy.
    expect(effectivePriority(waiting('a', { dueAt: minutesAgo(29) }), NOW, policy)).toBe(3);
    expect(effectivePriority(waiting('a', { dueAt: minutesAgo(30) }), NOW, policy)).toBe(2);
    expect(effectivePriority(waiting('a', { dueAt: minutesAgo(75) }), NOW, policy)).toBe(1);
    expect(effectivePriority(waiting('a', { dueAt: minutesAgo(600) }), NOW, policy)).toBe(1);
  });

  it('leaves a case that is not yet due at its own priority', () => {
    expect(effectivePriority(waiting('a', { priority: 4, dueAt: minutesAgo(-90) }), NOW, policy)).toBe(4);
  });

  it('puts an emergency at priority 1 whatever its stored priority', () => {
    expect(
      effectivePriority(
        waiting('a', { priority: 3, topic: 'emergency', dueAt: minutesAgo(-90) }),
        NOW,
        policy,
      ),
    ).toBe(1);
  });
});

describe('orderWaiting', () => {
  it('serves by effective priority, emergencies first, then earlier due, then arrival', () => {
    // Prepare
    const list = [
      waiting('late-p3', { priority: 3, dueAt: minutesAgo(65) }),
      waiting('p1-due-early', { priority: 1, dueAt: minutesAgo(5) }),
      waiting('emergency', { priority: 1, topic: 'emergency', dueAt: minutesAgo(-60) }),
      waiting('p2-same-due-later', { priority: 2, dueAt: minutesAgo(-10), waitingSince: minutesAgo(5) }),
      waiting('p2-same-due-earlier', { priority: 2, dueAt: minutesAgo(-10), waitingSince: minutesAgo(50) }),
      waiting('p2-due-sooner', { priority: 2, dueAt: minutesAgo(-5) }),
    ];
    // Act
    const order = orderWaiting(list, NOW, policy).map((r) => `${r.entry.caseNumber}:${r.effectivePriority}`);
    // Assess: late-p3 is 65 minutes late → two steps → priority 1, behind the earlier-due priority 1.
    expect(order).toEqual([
      'emergency:1',
      'late-p3:1',
      'p1-due-early:1',
      'p2-due-sooner:2',
      'p2-same-due-earlier:2',
      'p2-same-due-later:2',
    ]);
  });

  it('sorts an unreadable due time last within its priority', () => {
    const order = orderWaiting([waiting('bad', { dueAt: 'soon' }), waiting('ok')], NOW, policy);
    expect(order.map((r) => r.entry.caseNumber)).toEqual(['ok', 'bad']);
  });
});

describe('waitingDueAt', () => {
  it('measures against first response until answered, then resolution', () => {
    const due = {
      openedAt: minutesAgo(90),
      firstResponseDueAt: minutesAgo(60),
      resolutionDueAt: minutesAgo(-600),
    };
    expect(waitingDueAt(due)).toBe(due.firstResponseDueAt);
    expect(waitingDueAt({ ...due, firstResponseAt: minutesAgo(70) })).toBe(due.resolutionDueAt);
    expect(waitingDueAt({ openedAt: minutesAgo(90) })).toBe(minutesAgo(90));
  });
});

describe('connectRoutingData', () => {
  it('gives Connect the effective priority and an age that makes it older the earlier it is due', () => {
    const entry = waiting('a', { priority: 3, dueAt: minutesAgo(30) });
    const enqueuedAt = new Date(NOW.getTime() - 90 * 60_000);
    expect(connectRoutingData(entry, enqueuedAt, NOW, policy)).toEqual({
      queuePriority: 2,
      // Routing age = 90 min in queue − 60 min adjustment = 30 min = now − due.
      queueTimeAdjustmentSeconds: -3600,
    });
  });

  it('ages an emergency by ten years so it leads every other priority-1 contact', () => {
    const entry = waiting('a', { topic: 'emergency', dueAt: minutesAgo(-2) });
    const data = connectRoutingData(entry, NOW, NOW, policy);
    expect(data).toEqual({ queuePriority: 1, queueTimeAdjustmentSeconds: 315_360_000 - 120 });
  });

  it('stays within the 32-bit Integer Connect accepts for any due time', () => {
    const far = waiting('a', { topic: 'emergency', dueAt: '1970-01-01T00:00:00Z' });
    const data = connectRoutingData(far, new Date('2200-01-01T00:00:00Z'), NOW, policy);
    expect(data.queueTimeAdjustmentSeconds).toBeLessThanOrEqual(2_147_483_647);
  });
});
