// The agent actions through the deployed agent-api handler: HTTP API (payload format 2.0) events as
// API Gateway sends them after IAM or JWT authorization, the real case lifecycle and Connect task
// bookkeeping on dynalite, Amazon Connect mocked at the SDK (it cannot run here).

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConnectClient, StartTaskContactCommand, StopContactCommand } from '@aws-sdk/client-connect';
import { SESClient } from '@aws-sdk/client-ses';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { CaseTaskItems } from '../../functions/adapters/dynamodb/case-task-items';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import type { Case } from '../../functions/domain/case';
import { applyCaseAction } from '../../functions/domain/cases/apply-action';
import { agentApiHandler } from '../../functions/handlers/agent-api';
import { wireAgentApi } from '../../functions/wiring/agent-api';
import { connectContactCenter } from '../../functions/wiring/contact-center';
import { readContactCenterSettings } from '../../functions/wiring/shared-env';
import { aCase, aHandOff, unique } from '../integration/builders';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { defaultPolicy } from '../support/intake-harness';
import { connectMock, lambdaEnv } from '../support/lambda-env';

// biome-ignore lint/suspicious/noExplicitAny: answers are walked like any HTTP client walks JSON
type Json = Record<string, any>;

const fixture = (name: string): APIGatewayProxyEventV2 =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/events/apigw/${name}`, import.meta.url), 'utf8'),
  ) as APIGatewayProxyEventV2;
const IAM_EVENT = fixture('iam-post-note.json');
const JWT_EVENT = fixture('jwt-get-case.json');

let db: Dynalite;
let env: Record<string, string>;
let cases: DynamoCaseStore;
let handler: ReturnType<typeof agentApiHandler>;
const moved: Case[] = [];

beforeAll(async () => {
  db = await startDynalite();
  env = lambdaEnv(db);
  cases = new DynamoCaseStore(db.documentClient, db.tables.main);
  const client = new ConnectClient({ region: 'eu-west-1' });
  handler = agentApiHandler(() =>
    wireAgentApi(
      env,
      { moved: (kase) => moved.push(kase) },
      {
        dynamo: db.documentClient,
        connect: client,
        ses: new SESClient({ region: 'eu-west-1' }),
        secret: () => () => Promise.reject(new Error('no secret in these tests')),
      },
    ),
  );
});
afterAll(async () => db.stop());
beforeEach(() => {
  connectMock.reset();
  connectMock.on(StopContactCommand).resolves({});
  moved.length = 0;
});

/** An event like the fixture (IAM unless `from` says otherwise) for `routeKey` with these values. */
function eventFor(
  routeKey: string,
  params: Record<string, string>,
  body?: unknown,
  from: APIGatewayProxyEventV2 = IAM_EVENT,
): APIGatewayProxyEventV2 {
  const event = structuredClone(from);
  const [method = 'GET', template = '/'] = routeKey.split(' ');
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
  event.routeKey = routeKey;
  event.rawPath = path;
  event.requestContext.routeKey = routeKey;
  event.requestContext.http = { ...event.requestContext.http, method, path };
  event.pathParameters = params;
  if (body === undefined) delete event.body;
  else event.body = typeof body === 'string' ? body : JSON.stringify(body);
  return event;
}

async function call(event: APIGatewayProxyEventV2) {
  const result = (await handler(event, {} as Context)) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, body: (result.body ? JSON.parse(result.body) : undefined) as Json };
}

const act = (caseNumber: string, action: string, body: unknown = { agent: 'agent-dewi' }) =>
  call(eventFor(`POST /api/cases/{caseNumber}/${action}`, { caseNumber }, body));

const tasks = () => new CaseTaskItems(new TableClient(db.documentClient, db.tables.main));

/** A waiting case whose hand-off started a Connect task (the real adapter, Connect mocked). */
async function aWaitingCaseWithATask(): Promise<{ kase: Case; contactId: string }> {
  const kase = aCase({
    caseNumber: unique('CR-').toUpperCase(),
    status: 'waiting',
    queue: 'en-team',
    openedAt: '2026-12-06T16:00:00.000Z',
    updatedAt: '2026-12-06T16:00:00.000Z',
  });
  await cases.createCase(kase, `sms:${kase.caseNumber}`);
  const contactId = randomUUID();
  connectMock.on(StartTaskContactCommand).resolves({ ContactId: contactId });
  await connectContactCenter(
    readContactCenterSettings(env).connect,
    new ConnectClient({ region: 'eu-west-1' }),
    tasks(),
  ).handOff(aHandOff({ caseNumber: kase.caseNumber, queue: 'en-team', receivedAt: kase.openedAt }));
  return { kase, contactId };
}

describe('agent-api Lambda', () => {
  it('adds the recorded note event’s internal note to the case named in its path', async () => {
    // Prepare
    const { kase } = await aWaitingCaseWithATask();
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
    const { kase } = await aWaitingCaseWithATask();
    const flag = { type: 'flag', reason: '3 tasks in a row ended without an agent' } as const;
    const center = connectContactCenter(
      readContactCenterSettings(env).connect,
      new ConnectClient({ region: 'eu-west-1' }),
      tasks(),
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
    const { kase, contactId } = await aWaitingCaseWithATask();
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
    const { kase, contactId } = await aWaitingCaseWithATask();
    const at = '2026-12-06T16:05:00.000Z';
    await cases.saveCase(
      { ...kase, status: 'with_agent', agentId: 'agent-dewi', firstResponseAt: at, updatedAt: at },
      kase.updatedAt,
      [{ type: 'connected', at, status: 'with_agent', by: { kind: 'agent', id: 'agent-dewi' } }],
    );
    await tasks().update(kase.caseNumber, contactId, { state: 'with_agent', stateAt: at });

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
    const { kase } = await aWaitingCaseWithATask();
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

  it('answers 404 for an unknown case, 400 without an agent or with a body that is not JSON', async () => {
    // Prepare
    const { kase } = await aWaitingCaseWithATask();

    // Act
    const unknown = await act('CR-000000', 'resolve');
    const noAgent = await act(kase.caseNumber, 'resolve', {});
    const noText = await act(kase.caseNumber, 'notes', { agent: 'agent-dewi' });
    const notJson = await act(kase.caseNumber, 'resolve', '{"agent": ');

    // Assess
    expect([unknown.status, noAgent.status, noText.status, notJson.status]).toEqual([404, 400, 400, 400]);
    expect(unknown.body.code).toBe('not_found');
    expect(noAgent.body.path).toBe('agent');
    expect(notJson.body.error).toMatch(/not valid JSON/);
    expect((await cases.getCase(kase.caseNumber))?.status).toBe('waiting');
  });

  it('reads a base64-encoded body and refuses one over 128 KiB with 413', async () => {
    // Prepare
    const { kase } = await aWaitingCaseWithATask();
    const encoded = eventFor('POST /api/cases/{caseNumber}/notes', { caseNumber: kase.caseNumber });
    encoded.body = Buffer.from(JSON.stringify({ agent: 'agent-dewi', text: 'ça' })).toString('base64');
    encoded.isBase64Encoded = true;
    const huge = eventFor(
      'POST /api/cases/{caseNumber}/notes',
      { caseNumber: kase.caseNumber },
      { agent: 'agent-dewi', text: 'x'.repeat(140_000) },
    );

    // Act
    const noted = await call(encoded);
    const tooLarge = await call(huge);

    // Assess
    expect(noted.body.case.timeline.at(-1).note).toBe('ça');
    expect(tooLarge).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });
  });

  it('serves a case with its contacts to a caller with a JWT', async () => {
    // Prepare
    const { kase } = await aWaitingCaseWithATask();

    // Act
    const read = await call(
      eventFor(
        'GET /api/cases/{caseNumber}',
        { caseNumber: kase.caseNumber.toLowerCase() },
        undefined,
        JWT_EVENT,
      ),
    );

    // Assess
    expect(read.status).toBe(200);
    expect(read.body.case).toMatchObject({ caseNumber: kase.caseNumber, status: 'waiting' });
    expect(read.body.contacts).toEqual([]);
  });

  it('answers take with 501: in AWS, Amazon Connect routes each case to an agent as a task', async () => {
    // Prepare
    const { kase } = await aWaitingCaseWithATask();

    // Act
    const take = await call(eventFor('POST /api/queues/{queue}/take', { queue: 'en-team' }, { agent: 'a' }));
    const unknownQueue = await call(
      eventFor('POST /api/queues/{queue}/take', { queue: 'no-such-team' }, { agent: 'a' }),
    );

    // Assess
    expect(take).toMatchObject({ status: 501, body: { code: 'routed_by_contact_center' } });
    expect(take.body.error).toMatch(/Amazon Connect agent workspace/);
    expect(unknownQueue.status).toBe(404);
    expect((await cases.getCase(kase.caseNumber))?.status).toBe('waiting');
  });

  it('answers 404 for a route it does not serve', async () => {
    // Act
    const answer = await call(eventFor('DELETE /api/cases/{caseNumber}', { caseNumber: 'CR-000000' }));

    // Assess
    expect(answer).toMatchObject({ status: 404, body: { code: 'not_found' } });
  });
});
