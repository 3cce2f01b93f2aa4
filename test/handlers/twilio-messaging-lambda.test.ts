// The deployed handler as Lambda runs it: API Gateway v2 events, the real DynamoDB adapters against
// dynalite, and the AWS services that cannot run here (Connect, Secrets Manager) mocked at the SDK.
import { StartTaskContactCommand } from '@aws-sdk/client-connect';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { SurveyItems } from '../../functions/adapters/dynamodb/survey-items';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import { twilioSignatureFor } from '../../functions/adapters/twilio/signature';
import { caseNumberFor } from '../../functions/domain/intake/case-number';
import { handler as retryHandler } from '../../functions/handlers/handoff-retry';
import { handler } from '../../functions/handlers/twilio-messaging';
import { aCase } from '../integration/builders';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { connectMock, healthyAws, lambdaEnv } from '../support/lambda-env';

const TOKEN = 'lambda-token-0123456789abcdef0123';
const DOMAIN = 'abc123.execute-api.eu-west-1.amazonaws.com';
const connect = connectMock;

function event(params: Record<string, string>, signature?: string): APIGatewayProxyEventV2 {
  const body = new URLSearchParams(params).toString();
  return {
    version: '2.0',
    routeKey: 'POST /twilio/messaging',
    rawPath: '/prod/twilio/messaging',
    rawQueryString: 'tenant=demo',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature ? { 'x-twilio-signature': signature } : {}),
    },
    requestContext: { domainName: DOMAIN, http: { method: 'POST', path: '/prod/twilio/messaging' } },
    // API Gateway base64-encodes form bodies.
    body: Buffer.from(body).toString('base64'),
    isBase64Encoded: true,
  } as unknown as APIGatewayProxyEventV2;
}

const sign = (params: Record<string, string>) =>
  twilioSignatureFor(TOKEN, `https://${DOMAIN}/prod/twilio/messaging?tenant=demo`, params);

async function invoke(e: APIGatewayProxyEventV2) {
  return (await handler(e, {} as Context)) as APIGatewayProxyStructuredResultV2;
}

describe('twilio-messaging Lambda handler', () => {
  let db: Dynalite;
  const saved = { ...process.env };

  beforeAll(async () => {
    db = await startDynalite();
    Object.assign(process.env, lambdaEnv(db));
  });
  afterAll(async () => {
    process.env = saved;
    await db.stop();
  });
  beforeEach(() => healthyAws(TOKEN));

  it('answers a signed SMS with TwiML, stores it and starts a Connect task for the chosen queue', async () => {
    const params = {
      MessageSid: 'SMaaaa0000000000000000000000000001',
      From: '+447700900123',
      To: '+447700900999',
      Body: 'Hi, I need to add airport transfer to my booking',
    };
    const response = await invoke(event(params, sign(params)));
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['content-type']).toMatch(/^text\/xml/);
    expect(response.body).toMatch(/<Message>We have received your message\. Your case number is CR-/);
    expect(connect).toHaveReceivedCommandWith(StartTaskContactCommand, {
      InstanceId: 'i-1',
      ContactFlowId: 'flow-task',
    });
  });

  it('takes a digit from a guest a survey awaits as the survey’s answer: recorded on the case, no new task', async () => {
    // Prepare: a resolved case whose survey went to +447700900124 an hour ago
    const sentAt = new Date(Date.now() - 3_600_000).toISOString();
    const kase = aCase({
      caseNumber: caseNumberFor('survey-digit', 0),
      status: 'resolved',
      resolvedAt: sentAt,
      survey: { id: 'survey-1', sentAt, channel: 'sms', to: '+447700900124' },
    });
    const cases = new DynamoCaseStore(db.documentClient, db.tables.main);
    await cases.createCase(kase, 'sms:SMorigin');
    await new SurveyItems(new TableClient(db.documentClient, db.tables.main)).awaitAnswer({
      channel: 'sms',
      address: '+447700900124',
      caseNumber: kase.caseNumber,
      surveyId: 'survey-1',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const params = {
      MessageSid: 'SMaaaa0000000000000000000000000010',
      From: '+447700900124',
      To: '+447700900999',
      Body: '4 thanks, all sorted',
    };

    // Act
    const response = await invoke(event(params, sign(params)));

    // Assess
    expect(response.statusCode).toBe(200);
    expect((await cases.getCase(kase.caseNumber))?.satisfaction).toMatchObject({
      score: 4,
      surveyId: 'survey-1',
    });
    expect(connect).not.toHaveReceivedCommand(StartTaskContactCommand);
  });

  it('refuses a request signed for another URL (the stage segment dropped) with 403, before any lookup', async () => {
    const params = {
      MessageSid: 'SMaaaa0000000000000000000000000002',
      From: '+447700900123',
      To: '+447700900999',
      Body: 'x',
    };
    const wrongUrl = twilioSignatureFor(TOKEN, `https://${DOMAIN}/twilio/messaging?tenant=demo`, params);
    const response = await invoke(event(params, wrongUrl));
    expect(response.statusCode).toBe(403);
    expect(connect).not.toHaveReceivedCommand(StartTaskContactCommand);
  });

  it('acknowledges while Connect is down; the scheduled retry hands the contact over once it is back', async () => {
    connect
      .on(StartTaskContactCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    const params = {
      MessageSid: 'SMaaaa0000000000000000000000000003',
      From: '+447700900124',
      To: '+447700900999',
      Body: 'Nobody at reception and it is midnight',
    };
    const response = await invoke(event(params, sign(params)));
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<Message>');

    connect.on(StartTaskContactCommand).resolves({ ContactId: 'task-2' });
    const run = await retryHandler({}, {} as Context);
    expect(run).toEqual({ attempted: 1, delivered: 1 });
    expect(await retryHandler({}, {} as Context)).toEqual({ attempted: 0, delivered: 0 });
  });
});
