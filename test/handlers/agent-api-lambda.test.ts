// The agent actions on cases through the deployed agent-api handler: the recorded IAM event and events
// like it, the real case lifecycle and Connect task bookkeeping on dynalite, Amazon Connect mocked at
// the SDK (it cannot run here).
import { ConnectClient, StopContactCommand } from '@aws-sdk/client-connect';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import type { Case } from '../../functions/domain/case';
import { applyCaseAction } from '../../functions/domain/cases/apply-action';
import { agentApiHandler } from '../../functions/handlers/agent-api';
import { wireAgentApi } from '../../functions/wiring/agent-api';
import { connectContactCenter } from '../../functions/wiring/contact-center';
import { readContactCenterSettings } from '../../functions/wiring/shared-env';
import {
  aWaitingCaseWithATask,
  caseTasks,
  agentApiEvent as eventFor,
  IAM_EVENT,
  invoke,
  type Json,
  lambdaClients,
} from '../support/agent-api-lambda';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { defaultPolicy } from '../support/intake-harness';
import { connectMock, lambdaEnv } from '../support/lambda-env';

let db: Dynalite;
let env: Record<string, string>;
let cases: DynamoCaseStore;
let handler: ReturnType<typeof agentApiHandler>;
const moved: Case[] = [];

beforeAll(async () => {
  db = await startDynalite();
  env = lambdaEnv(db);
  cases = new DynamoCaseStore(db.documentClient, db.tables.main);
  const clients = lambdaClients(db, () => () => Promise.reject(new Error('no secret in these tests')));
  handler = agentApiHandler(() => wireAgentApi(env, { moved: (kase) => moved.push(kase) }, clients));
});
afterAll(async () => db.stop());
beforeEach(() => {
  connectMock.reset();
  connectMock.on(StopContactCommand).resolves({});
  moved.length = 0;
});

const call = (event: Parameters<typeof invoke>[1]) => invoke(handler, event);
const act = (caseNumber: string, action: string, body: unknown = { agent: 'agent-dewi' }) =>
  call(eventFor(`POST /api/cases/{caseNumber}/${action}`, { caseNumber }, body));

describe('agent-api Lambda: case actions', () => {
  it('adds the recorded note event’s internal note to the case named in its path', async () => {
    // Prepare
    const { kase } = await aWaitingCaseWithATask(db, env);
    const event = structuredClone(IAM_EVENT);
    event.pathParameters = { caseNumber: kase.caseNumber };

    // Act
    const noted = await call(event);

    // Assess
    expect(noted.status).toBe(200);
    expect(noted.body.case.timeline.at(-1)).toMatchObject({
      type: 'note',
      note: 'VIP, call back',
      by: { kind: 'agent', id: 'agent-dewi' },
    });
    expect((await cases.getCase(kase.caseNumber))?.timeline.at(-1)?.note).toBe('VIP, call back');
  });

  it('lists a case the platform flagged for supervisors until an agent settles it', async () => {
    // Prepare: what the task events do after three tasks ended unanswered
    const { kase } = await aWaitingCaseWithATask(db, env);
    const flag = { type: 'flag', reason: '3 tasks in a row ended without an agent' } as const;
    const center = connectContactCenter(
      readContactCenterSettings(env).connect,
      new ConnectClient({ region: 'eu-west-1' }),
      caseTasks(db),
    );
    const deps = { cases, center, policy: defaultPolicy };
    await applyCaseAction(deps, kase.caseNumber, flag, 'system', new Date('2026-12-06T17:00:00.000Z'));
    const inList = (body: Json) => (body.cases as Json[]).find((c) => c.caseNumber === kase.caseNumber);

    // Act
    const flagged = await call(eventFor('GET /api/flagged-cases', {}));
    const resolved = await act(kase.caseNumber, 'resolve');
    const after = await call(eventFor('GET /api/flagged-cases', {}));

    // Assess
    expect(flagged.status).toBe(200);
    expect(inList(flagged.body)).toMatchObject({
      status: 'waiting',
      flagged: { reason: flag.reason, at: '2026-12-06T17:00:00.000Z' },
    });
    expect(resolved.body.case.flagged).toBeUndefined();
    expect(inList(after.body)).toBeUndefined();
  });

  it('lists a waiting case; resolving it stops its waiting Connect task and takes it off the list', async () => {
    // Prepare
    const { kase, contactId } = await aWaitingCaseWithATask(db, env);
    const listed = await call(eventFor('GET /api/queues', {}));

    // Act
    const resolved = await act(kase.caseNumber, 'resolve');
    const after = await call(eventFor('GET /api/queues', {}));
    const reopened = await act(kase.caseNumber, 'reopen');

    // Assess
    const entry = (listed.body.queues['en-team'] as Json[]).find((e) => e.caseNumber === kase.caseNumber);
    expect(entry).toMatchObject({ contactCount: 1, contactId, effectivePriority: expect.any(Number) });
    expect(resolved.body.case.status).toBe('resolved');
    expect(connectMock.commandCalls(StopContactCommand)[0]?.args[0].input).toEqual({
      InstanceId: 'i-1',
      ContactId: contactId,
    });
    expect(JSON.stringify(after.body.queues)).not.toContain(kase.caseNumber);
    expect(reopened.body.case).toMatchObject({ status: 'waiting', reopenCount: 1 });
    expect(moved.map((c) => c.status)).toEqual(['resolved', 'waiting']);
  });

  it('sets a case an agent holds pending, then resolves it, leaving the agent’s task to the agent', async () => {
    // Prepare: Connect put the case with an agent (as the contact-event Lambda records it)
    const { kase, contactId } = await aWaitingCaseWithATask(db, env);
    const at = '2026-12-06T16:05:00.000Z';
    await cases.saveCase(
      { ...kase, status: 'with_agent', agentId: 'agent-dewi', firstResponseAt: at, updatedAt: at },
      kase.updatedAt,
      [{ type: 'connected', at, status: 'with_agent', by: { kind: 'agent', id: 'agent-dewi' } }],
    );
    await caseTasks(db).update(kase.caseNumber, contactId, { state: 'with_agent', stateAt: at });

    // Act
    const pending = await act(kase.caseNumber, 'pending');
    const resolved = await act(kase.caseNumber, 'resolve');

    // Assess
    expect(pending.body.case.status).toBe('pending_guest');
    expect(resolved.body.case).toMatchObject({ status: 'resolved', agentId: 'agent-dewi' });
    expect(connectMock.commandCalls(StopContactCommand)).toHaveLength(0);
    expect(moved.map((c) => c.status)).toEqual(['pending_guest', 'resolved']);
  });

  it('answers 409 with the reason for an action the case does not allow, and changes nothing', async () => {
    // Prepare
    const { kase } = await aWaitingCaseWithATask(db, env);
    const before = await cases.getCase(kase.caseNumber);

    // Act
    const reopen = await act(kase.caseNumber, 'reopen');
    const pending = await act(kase.caseNumber, 'pending');

    // Assess
    expect([reopen.status, pending.status]).toEqual([409, 409]);
    expect(reopen.body).toMatchObject({ code: 'not_allowed', status: 'waiting' });
    expect(reopen.body.error).toContain('reopen refused');
    expect(pending.body.error).toContain('pending refused');
    expect(await cases.getCase(kase.caseNumber)).toEqual(before);
    expect(moved).toEqual([]);
  });
});
