// TaskRouter's event callbacks through the deployed handler: signed for real, real case lifecycle on
// dynalite, Connect mocked at the SDK (a settled case's waiting Connect task would be withdrawn).

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConnectClient } from '@aws-sdk/client-connect';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { twilioSignatureFor } from '../../functions/adapters/twilio/signature';
import { twilioTaskRouterHandler } from '../../functions/handlers/twilio-taskrouter';
import type { CaseMetrics } from '../../functions/shared/case-metrics';
import { caseTaskDeps } from '../../functions/wiring/case-tasks';
import { readContactCenterSettings } from '../../functions/wiring/shared-env';
import { aCase } from '../integration/builders';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { connectMock, lambdaEnv } from '../support/lambda-env';

const TOKEN = 'taskrouter-token-0123456789abcdef01';
const DOMAIN = 'abc123.execute-api.eu-west-1.amazonaws.com';
const PATH = '/prod/twilio/taskrouter';
let db: Dynalite;
let cases: DynamoCaseStore;
let handler: ReturnType<typeof twilioTaskRouterHandler>;

beforeAll(async () => {
  db = await startDynalite();
  cases = new DynamoCaseStore(db.documentClient, db.tables.main);
  const env = lambdaEnv(db);
  connectMock.reset();
  handler = twilioTaskRouterHandler((metrics: CaseMetrics) => ({
    ...caseTaskDeps(readContactCenterSettings(env), metrics, {
      dynamo: db.documentClient,
      connect: new ConnectClient({ region: 'eu-west-1' }),
    }),
    authToken: async () => TOKEN,
  }));
});
afterAll(async () => db.stop());

/** A fixture's parameters about `caseNumber`, under a fresh event Sid. */
function params(file: string, caseNumber: string): Record<string, string> {
  const path = new URL(`../fixtures/events/taskrouter/${file}`, import.meta.url);
  const p = JSON.parse(readFileSync(path, 'utf8').replaceAll('CR-7K4M2Q', caseNumber)) as Record<
    string,
    string
  >;
  return { ...p, Sid: `EV${randomUUID().replaceAll('-', '')}` };
}

function post(
  p: Record<string, string>,
  signature = twilioSignatureFor(TOKEN, `https://${DOMAIN}${PATH}`, p),
) {
  const event = {
    version: '2.0',
    rawPath: PATH,
    rawQueryString: '',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    requestContext: { domainName: DOMAIN, http: { method: 'POST', path: PATH } },
    body: new URLSearchParams(p).toString(),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
  return handler(event, {} as Context) as Promise<APIGatewayProxyStructuredResultV2>;
}

async function aWaitingCall() {
  const kase = aCase({
    status: 'waiting',
    openedAt: '2026-11-28T21:58:00.000Z',
    updatedAt: '2026-11-28T21:58:00.000Z',
  });
  await cases.createCase(kase, `voice:${kase.caseNumber}`);
  return kase;
}

describe('twilio-taskrouter Lambda', () => {
  it('puts the call’s case with the worker who accepted it, then resolves it when the task completes', async () => {
    // Prepare
    const kase = await aWaitingCall();
    // Act
    const accepted = await post(params('reservation-accepted.json', kase.caseNumber));
    const completed = await post(params('task-completed.json', kase.caseNumber));
    // Assess
    expect([accepted.statusCode, completed.statusCode]).toEqual([204, 204]);
    expect(accepted.headers).toMatchObject({ 'content-type': 'application/json' });
    expect(await cases.getCase(kase.caseNumber)).toMatchObject({
      status: 'resolved',
      agentId: 'WK9d1f3b5d7f9b1d3f5b7d9f1b3d5f7b9d',
      firstResponseAt: '2026-11-28T22:00:00.000Z',
      resolvedAt: '2026-11-28T22:15:00.000Z',
    });
  });

  it('refuses an unsigned or re-signed callback with 403 and moves nothing', async () => {
    const kase = await aWaitingCall();
    const p = params('reservation-accepted.json', kase.caseNumber);
    const forged = await post(
      p,
      twilioSignatureFor('another-token-0123456789abcdef', `https://${DOMAIN}${PATH}`, p),
    );
    const tampered = await post(
      { ...p, WorkerSid: 'WKattacker' },
      twilioSignatureFor(TOKEN, `https://${DOMAIN}${PATH}`, p),
    );
    expect([forged.statusCode, tampered.statusCode]).toEqual([403, 403]);
    expect(await cases.getCase(kase.caseNumber)).toMatchObject({ status: 'waiting' });
  });

  it('applies a callback TaskRouter sends twice once, and ignores events about no case', async () => {
    const kase = await aWaitingCall();
    const p = params('reservation-accepted.json', kase.caseNumber);
    await post(p);
    const again = await post(p);
    const noCase = await post({ ...p, Sid: 'EVnone', TaskAttributes: '{"queue":"en-team"}' });
    const other = await post({ ...p, Sid: 'EVother', EventType: 'worker.activity.update' });
    expect([again.statusCode, noCase.statusCode, other.statusCode]).toEqual([204, 204, 204]);
    const stored = await cases.getCase(kase.caseNumber);
    expect(stored?.timeline.filter((e) => e.type === 'first_response')).toHaveLength(1);
  });

  it('flags a waiting call’s case for a supervisor when its task is canceled before anyone answered', async () => {
    // Prepare: the caller hung up in the queue
    const kase = await aWaitingCall();
    // Act
    const canceled = await post(params('task-canceled.json', kase.caseNumber));
    // Assess
    expect(canceled.statusCode).toBe(204);
    const stored = await cases.getCase(kase.caseNumber);
    expect(stored?.status).toBe('waiting');
    expect(stored?.timeline.at(-1)).toMatchObject({
      type: 'flagged',
      by: 'system',
      note: 'the call ended before an agent answered (TaskRouter: hangup)',
    });
  });

  it('flags nothing when the canceled call’s case is no longer waiting', async () => {
    const kase = await aWaitingCall();
    await post(params('reservation-accepted.json', kase.caseNumber));
    await post(params('task-canceled.json', kase.caseNumber));
    const stored = await cases.getCase(kase.caseNumber);
    expect(stored?.status).toBe('with_agent');
    expect(stored?.timeline.some((e) => e.type === 'flagged')).toBe(false);
  });
});
