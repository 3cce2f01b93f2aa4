// Requests as API Gateway hands them to the deployed agent-api handler: bodies that are not JSON,
// base64-encoded or too large, a JWT caller, routes it does not serve; the real case lifecycle on
// dynalite, Amazon Connect mocked at the SDK (it cannot run here).
import { StopContactCommand } from '@aws-sdk/client-connect';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { agentApiHandler } from '../../functions/handlers/agent-api';
import { wireAgentApi } from '../../functions/wiring/agent-api';
import {
  apiGatewayFixture,
  aWaitingCaseWithATask,
  agentApiEvent as eventFor,
  invoke,
  lambdaClients,
} from '../support/agent-api-lambda';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { connectMock, lambdaEnv } from '../support/lambda-env';

const JWT_EVENT = apiGatewayFixture('jwt-get-case.json');

let db: Dynalite;
let env: Record<string, string>;
let cases: DynamoCaseStore;
let handler: ReturnType<typeof agentApiHandler>;

beforeAll(async () => {
  db = await startDynalite();
  env = lambdaEnv(db);
  cases = new DynamoCaseStore(db.documentClient, db.tables.main);
  const clients = lambdaClients(db, () => () => Promise.reject(new Error('no secret in these tests')));
  handler = agentApiHandler(() => wireAgentApi(env, { moved: () => undefined }, clients));
});
afterAll(async () => db.stop());
beforeEach(() => {
  connectMock.reset();
  connectMock.on(StopContactCommand).resolves({});
});

const call = (event: Parameters<typeof invoke>[1]) => invoke(handler, event);
const act = (caseNumber: string, action: string, body: unknown = { agent: 'agent-dewi' }) =>
  call(eventFor(`POST /api/cases/{caseNumber}/${action}`, { caseNumber }, body));

describe('agent-api Lambda: requests', () => {
  it('answers 404 for an unknown case, 400 without an agent or with a body that is not JSON', async () => {
    // Prepare
    const { kase } = await aWaitingCaseWithATask(db, env);

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
    const { kase } = await aWaitingCaseWithATask(db, env);
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
    const { kase } = await aWaitingCaseWithATask(db, env);

    // Act
    const read = await call(
      eventFor('GET /api/cases/{caseNumber}', { caseNumber: kase.caseNumber.toLowerCase() }, undefined, {
        from: JWT_EVENT,
      }),
    );

    // Assess
    expect(read.status).toBe(200);
    expect(read.body.case).toMatchObject({ caseNumber: kase.caseNumber, status: 'waiting' });
    expect(read.body.contacts).toEqual([]);
  });

  it('answers take with 501: in AWS, Amazon Connect routes each case to an agent as a task', async () => {
    // Prepare
    const { kase } = await aWaitingCaseWithATask(db, env);

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
