// The task flow (contact-flows/task-routing.json) played by the flow simulator: a hand-off task is queued
// in its team's queue, else the 24/7 queue; when both are full it waits and tries again, and it is only
// closed (marked handoff=refused) once the retries run out, never ended silently.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type FlowEnvironment, simulateCall } from '../../../local/flow-sim';

const flow = JSON.parse(readFileSync('contact-flows/task-routing.json', 'utf8')) as unknown;
const TEAM = 'arn:aws:connect:eu-west-1:111111111111:instance/i/queue/fr-team';
const FALLBACK = 'arn:aws:connect:eu-west-1:111111111111:instance/i/queue/global-247';

function world(full: (arn: string, attempt: number) => boolean): FlowEnvironment {
  const attempts = new Map<string, number>();
  return {
    invokeLambda: () => {
      throw new Error('the task flow calls no Lambda');
    },
    queueOpen: () => true,
    agentsStaffed: () => 1,
    flowByArn: () => undefined,
    placeholders: { FallbackQueueArn: FALLBACK },
    now: () => new Date('2026-03-02T10:00:00Z'),
    queueAtCapacity: (arn) => {
      const n = (attempts.get(arn) ?? 0) + 1;
      attempts.set(arn, n);
      return full(arn, n);
    },
  };
}

const task = { to: 'task', from: null, attributes: { queueArn: TEAM, priority: '2' } };
const io = { say: () => undefined, ask: () => undefined };

describe('the task-routing flow', () => {
  it('queues the task in its team queue with its priority', async () => {
    // Act
    const result = await simulateCall(
      flow,
      world(() => false),
      io,
      task,
    );

    // Assess
    expect(result.end).toEqual({ kind: 'queue', queueArn: TEAM, queueName: 'fr-team', priority: 2 });
  });

  it('queues it in the 24/7 queue when the team queue is full', async () => {
    // Act
    const result = await simulateCall(
      flow,
      world((arn) => arn === TEAM),
      io,
      task,
    );

    // Assess
    expect(result.end).toMatchObject({ kind: 'queue', queueArn: FALLBACK });
  });

  it('waits and tries again when both queues are full, and queues it once there is room', async () => {
    // Act: both full for the first two rounds
    const result = await simulateCall(
      flow,
      world((_arn, n) => n <= 2),
      io,
      task,
    );

    // Assess
    expect(result.end).toEqual({ kind: 'queue', queueArn: TEAM, queueName: 'fr-team', priority: 2 });
    expect(result.trace.filter((s) => s.actionId === 'wait-for-room')).toHaveLength(2);
    expect(result.attributes.handoff).toBeUndefined();
  });

  it('closes the task marked handoff=refused only after 24 rounds of waiting', async () => {
    // Act
    const result = await simulateCall(
      flow,
      world(() => true),
      io,
      task,
    );

    // Assess
    expect(result.end).toEqual({ kind: 'disconnect' });
    expect(result.attributes.handoff).toBe('refused');
    expect(result.trace.filter((s) => s.actionId === 'wait-for-room')).toHaveLength(24);
    expect(result.trace.some((s) => s.type === 'EndFlowExecution')).toBe(false);
  });
});
