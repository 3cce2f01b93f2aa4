import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseContactEvent } from '../../../functions/adapters/connect/contact-event';
import {
  followContactEvent,
  type MoveCase,
  type TaskEventDeps,
} from '../../../functions/adapters/connect/task-event-sync';
import { type CaseTask, CaseTaskItems } from '../../../functions/adapters/dynamodb/case-task-items';
import { TableClient } from '../../../functions/adapters/dynamodb/table-client';
import type { Case } from '../../../functions/domain/case';
import type { CaseAction } from '../../../functions/domain/cases/lifecycle-rules';
import type { CaseActor } from '../../../functions/domain/cases/lifecycle-types';
import { aCase, unique } from '../../integration/builders';
import { connectEvent, FIXTURE_AGENT_ID, FIXTURE_INSTANCE_ID } from '../../support/connect-events';
import { type Dynalite, startDynalite } from '../../support/dynalite';

let db: Dynalite;
let tasks: CaseTaskItems;

beforeAll(async () => {
  db = await startDynalite();
  tasks = new CaseTaskItems(new TableClient(db.documentClient, db.tables.main));
});
afterAll(async () => db.stop());

interface Moved {
  readonly caseNumber: string;
  readonly action: CaseAction;
  readonly who: CaseActor;
  readonly at: string;
}

/** A case with a waiting task, and deps that record every case move and every task restarted. */
async function aWaitingTask(
  attributes: Record<string, string> = {},
  refuse?: string,
  kase: Partial<Case> = { status: 'waiting' },
  unansweredBefore?: number,
) {
  const caseNumber = unique('CR-');
  const contactId = randomUUID();
  await tasks.start({
    caseNumber,
    contactId,
    generation: 1,
    state: 'queued',
    enqueuedAt: '2026-11-22T22:10:05.000Z',
    stateAt: '2026-11-22T22:10:05.000Z',
    queue: 'fr-team',
    unansweredBefore,
  });
  const restarted: CaseTask[] = [];
  const moves: Moved[] = [];
  const moveCase: MoveCase = async (n, action, who, at) => {
    moves.push({ caseNumber: n, action, who, at: at.toISOString() });
    return refuse ? { ok: false, reason: refuse } : { ok: true };
  };
  const deps: TaskEventDeps = {
    instanceId: FIXTURE_INSTANCE_ID,
    tasks,
    attributes: async () => attributes,
    moveCase,
    cases: { getCase: async (n) => aCase({ ...kase, caseNumber: n }) },
    restartTask: async (_kase, previous) => {
      restarted.push(previous);
      return { externalId: `new-${restarted.length}` };
    },
  };
  const follow = (type: Parameters<typeof connectEvent>[0], eventId?: string) =>
    followContactEvent(deps, parseContactEvent(connectEvent(type, contactId, eventId)));
  const endUnanswered = () =>
    followContactEvent(deps, {
      ...parseContactEvent(connectEvent('COMPLETED', contactId)),
      agentArn: undefined,
    });
  return { caseNumber, contactId, moves, restarted, deps, follow, endUnanswered };
}

describe('parseContactEvent', () => {
  it('reads the recorded camelCase events and the guide’s PascalCase spelling alike', () => {
    // Prepare
    const camel = connectEvent('CONNECTED_TO_AGENT', 'c-1');
    const detail = camel.detail as Record<string, unknown>;
    const pascal = {
      ...camel,
      detail: {
        EventType: detail.eventType,
        ContactId: detail.contactId,
        InstanceARN: detail.instanceArn,
        AgentInfo: { AgentArn: (detail.agentInfo as Record<string, unknown>).agentArn },
      },
    };
    // Act / Assess
    for (const raw of [camel, pascal])
      expect(parseContactEvent(raw)).toMatchObject({
        eventType: 'CONNECTED_TO_AGENT',
        contactId: 'c-1',
        time: '2026-11-22T22:14:41.000Z',
        agentArn: expect.stringContaining(`/agent/${FIXTURE_AGENT_ID}`),
      });
  });

  it('refuses what is not a Connect contact event, naming why', () => {
    expect(() => parseContactEvent({ source: 'aws.s3', 'detail-type': 'Object Created' })).toThrow(
      /aws\.connect/,
    );
    expect(() => parseContactEvent({ ...connectEvent('COMPLETED', 'c-1'), detail: {} })).toThrow(/contactId/);
    expect(() => parseContactEvent('DISCONNECTED')).toThrow(/JSON object/);
  });
});

describe('followContactEvent', () => {
  it('puts the case with the agent Connect connected, at the event time', async () => {
    const t = await aWaitingTask();
    const result = await t.follow('CONNECTED_TO_AGENT');
    expect(result).toEqual({ outcome: 'moved', caseNumber: t.caseNumber, detail: 'connect' });
    expect(t.moves).toEqual([
      {
        caseNumber: t.caseNumber,
        action: { type: 'connect' },
        who: { kind: 'agent', id: FIXTURE_AGENT_ID },
        at: '2026-11-22T22:14:41.000Z',
      },
    ]);
    expect(await tasks.get(t.caseNumber)).toMatchObject({ state: 'with_agent', agentId: FIXTURE_AGENT_ID });
  });

  it('waits for COMPLETED after DISCONNECTED, then resolves the case by its agent', async () => {
    // Prepare
    const t = await aWaitingTask();
    await t.follow('CONNECTED_TO_AGENT');
    // Act
    const disconnected = await t.follow('DISCONNECTED');
    const completed = await t.follow('COMPLETED');
    // Assess
    expect(disconnected).toEqual({ outcome: 'recorded', caseNumber: t.caseNumber });
    expect(completed).toEqual({ outcome: 'moved', caseNumber: t.caseNumber, detail: 'resolve' });
    expect(t.moves.map((m) => m.action.type)).toEqual(['connect', 'resolve']);
    expect(t.moves[1]?.who).toEqual({ kind: 'agent', id: FIXTURE_AGENT_ID });
    expect(await tasks.get(t.caseNumber)).toMatchObject({ state: 'ended' });
  });

  it('leaves the case pending the guest when the agent set caseOutcome = pending_guest', async () => {
    const t = await aWaitingTask({ caseOutcome: 'pending_guest' });
    await t.follow('CONNECTED_TO_AGENT');
    await t.follow('COMPLETED');
    expect(t.moves.map((m) => m.action.type)).toEqual(['connect', 'pending']);
  });

  it('applies an event delivered twice once', async () => {
    const t = await aWaitingTask();
    const id = randomUUID();
    await t.follow('CONNECTED_TO_AGENT', id);
    const again = await t.follow('CONNECTED_TO_AGENT', id);
    expect(again.outcome).toBe('duplicate');
    expect(t.moves).toHaveLength(1);
  });

  it('ignores event types it does not follow, contacts that are not ours and other instances', async () => {
    const t = await aWaitingTask();
    expect(await t.follow('QUEUED')).toMatchObject({ outcome: 'ignored', why: 'event type QUEUED' });
    const stranger = parseContactEvent(connectEvent('COMPLETED', randomUUID()));
    expect(await followContactEvent(t.deps, stranger)).toMatchObject({
      outcome: 'ignored',
      why: 'not one of our tasks',
    });
    const elsewhere = await followContactEvent(
      { ...t.deps, instanceId: 'another-instance' },
      parseContactEvent(connectEvent('COMPLETED', t.contactId)),
    );
    expect(elsewhere).toMatchObject({ outcome: 'ignored', why: 'another instance' });
    expect(t.moves).toHaveLength(0);
  });

  it('starts a new related task when a waiting case’s task ends without an agent (expired)', async () => {
    // Prepare
    const t = await aWaitingTask();
    // Act
    const result = await t.endUnanswered();
    // Assess
    expect(result).toEqual({ outcome: 'requeued', caseNumber: t.caseNumber, detail: 'new task new-1' });
    expect(t.restarted.map((task) => task.contactId)).toEqual([t.contactId]);
    expect(t.moves).toHaveLength(0);
    expect(await tasks.get(t.caseNumber)).toMatchObject({ state: 'ended' });
  });

  it('flags the case for a supervisor when its third task in a row ends without an agent', async () => {
    // Prepare: two tasks before this one ended unanswered
    const t = await aWaitingTask({}, undefined, { status: 'waiting' }, 2);
    // Act
    const result = await t.endUnanswered();
    // Assess
    expect(result).toEqual({
      outcome: 'flagged',
      caseNumber: t.caseNumber,
      detail: '3 tasks in a row ended without an agent',
    });
    expect(t.restarted).toHaveLength(0);
    expect(t.moves).toEqual([
      expect.objectContaining({
        action: { type: 'flag', reason: '3 tasks in a row ended without an agent' },
        who: 'system',
      }),
    ]);
  });

  it('starts nothing when the case no longer waits (resolved while its task was queued)', async () => {
    const t = await aWaitingTask({}, undefined, { status: 'resolved' });
    expect(await t.endUnanswered()).toEqual({ outcome: 'recorded', caseNumber: t.caseNumber });
    expect(t.restarted).toHaveLength(0);
    expect(t.moves).toHaveLength(0);
  });

  it('reports a refused move (a case resolved meanwhile) without failing', async () => {
    const t = await aWaitingTask({}, 'already_resolved');
    await t.follow('CONNECTED_TO_AGENT');
    expect(await t.follow('COMPLETED')).toMatchObject({
      outcome: 'refused',
      detail: 'resolve: already_resolved',
    });
  });

  it('lets a redelivered event through after its first handling failed', async () => {
    // Prepare: the case store is down for the first delivery
    const t = await aWaitingTask();
    let down = true;
    const deps: TaskEventDeps = {
      ...t.deps,
      moveCase: async (...args) => {
        if (down) throw new Error('DynamoDB unavailable');
        return t.deps.moveCase(...args);
      },
    };
    const event = parseContactEvent(connectEvent('CONNECTED_TO_AGENT', t.contactId));
    // Act
    await expect(followContactEvent(deps, event)).rejects.toThrow(/unavailable/);
    down = false;
    const retried = await followContactEvent(deps, event);
    // Assess
    expect(retried.outcome).toBe('moved');
    expect(t.moves).toHaveLength(1);
  });
});
