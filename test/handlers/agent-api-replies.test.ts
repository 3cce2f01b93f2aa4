// Agent replies and the survey through the deployed agent-api handler: the environment the CDK app
// writes, the real case lifecycle, ledger and task bookkeeping on dynalite, the real twilio client
// against a local stand-in for api.twilio.com, SES and Connect mocked at the SDK, the survey link
// answered by the deployed survey-page handler.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConnectClient, StartTaskContactCommand, StopContactCommand } from '@aws-sdk/client-connect';
import { SESClient } from '@aws-sdk/client-ses';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import type { Case } from '../../functions/domain/case';
import { caseNumberFor } from '../../functions/domain/intake/case-number';
import type { ContactRecord } from '../../functions/domain/ports';
import { agentApiHandler } from '../../functions/handlers/agent-api';
import { surveyPageHandler } from '../../functions/handlers/survey-page';
import { awsSecret } from '../../functions/shared/aws-secrets';
import { wireAgentApi } from '../../functions/wiring/agent-api';
import { agentApiEnvironment } from '../../functions/wiring/agent-api-env';
import { wireSurveyPage } from '../../functions/wiring/survey-page';
import { aCase, aContact } from '../integration/builders';
import { healthySending, MESSENGERS, mailsSent, SENDING, SURVEY_LINKS } from '../support/aws-messengers';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { connectMock, lambdaEnv, TEST_QUEUES } from '../support/lambda-env';
import { createdMessage, startTwilioApiStandIn, type TwilioApiStandIn } from '../support/twilio-api-stand-in';

// biome-ignore lint/suspicious/noExplicitAny: answers are walked like any HTTP client walks JSON
type Json = Record<string, any>;

const IAM_EVENT = JSON.parse(
  readFileSync(new URL('../fixtures/events/apigw/iam-post-note.json', import.meta.url), 'utf8'),
) as APIGatewayProxyEventV2;

let db: Dynalite;
let twilio: TwilioApiStandIn;
let cases: DynamoCaseStore;
let handler: ReturnType<typeof agentApiHandler>;
let surveyPage: ReturnType<typeof surveyPageHandler>;

beforeAll(async () => {
  db = await startDynalite();
  twilio = await startTwilioApiStandIn();
  // What the stack writes (stacks/agent-api.ts), over this dynalite and the stand-in's address.
  const env = {
    ...lambdaEnv(db),
    ...agentApiEnvironment({
      tableName: db.tables.main,
      connect: { instanceId: 'i-1', taskFlowId: 'flow-task', queuesJson: JSON.stringify(TEST_QUEUES) },
      queueListLimit: 500,
      messengers: MESSENGERS,
      surveyLinks: SURVEY_LINKS,
    }),
    TWILIO_API_BASE: twilio.url,
  };
  cases = new DynamoCaseStore(db.documentClient, db.tables.main);
  const clients = {
    dynamo: db.documentClient,
    connect: new ConnectClient({ region: 'eu-west-1' }),
    ses: new SESClient({ region: 'eu-west-1' }),
    secret: awsSecret,
  };
  handler = agentApiHandler(() => wireAgentApi(env, { moved: () => undefined }, clients));
  surveyPage = surveyPageHandler(() => wireSurveyPage(env, clients));
});
afterAll(async () => {
  await twilio.close();
  await db.stop();
});
beforeEach(() => {
  healthySending();
  connectMock.reset();
  connectMock.on(StopContactCommand).resolves({});
  twilio.received.length = 0;
});

function eventFor(routeKey: string, params: Record<string, string>, body?: unknown, headers = {}) {
  const event = structuredClone(IAM_EVENT);
  const [method = 'GET', template = '/'] = routeKey.split(' ');
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
  event.routeKey = routeKey;
  event.rawPath = path;
  event.requestContext.routeKey = routeKey;
  event.requestContext.http = { ...event.requestContext.http, method, path };
  event.pathParameters = params;
  event.headers = { ...event.headers, ...headers };
  if (body === undefined) delete event.body;
  else event.body = JSON.stringify(body);
  return event;
}

async function call(event: APIGatewayProxyEventV2) {
  const result = (await handler(event, {} as Context)) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, body: (result.body ? JSON.parse(result.body) : undefined) as Json };
}

const reply = (caseNumber: string, body: unknown, key?: string) =>
  call(
    eventFor(
      'POST /api/cases/{caseNumber}/replies',
      { caseNumber },
      body,
      key ? { 'idempotency-key': key } : {},
    ),
  );

/** A case an agent holds, with the guest's one contact (by default an SMS from a French mobile). */
async function aCaseWithAGuest(contact: Partial<ContactRecord> = {}): Promise<Case> {
  const at = new Date(Date.now() - 10 * 60_000).toISOString();
  const kase = aCase({
    // A real case number (CR- and six Crockford digits): the survey link's token carries it.
    caseNumber: caseNumberFor(randomUUID(), 0),
    status: 'with_agent',
    language: 'fr',
    queue: 'en-team',
    agentId: 'agent-dewi',
    openedAt: at,
    updatedAt: at,
  });
  const record = aContact({ caseNumber: kase.caseNumber, receivedAt: at, ...contact });
  await cases.createCase(kase, record.id);
  await cases.putContactOnce(record);
  return kase;
}

describe('agent replies through the agent-api Lambda', () => {
  it('sends an SMS reply through Twilio once per Idempotency-Key and records its delivery', async () => {
    // Prepare
    const kase = await aCaseWithAGuest();
    twilio.answer(createdMessage('SM00000000000000000000000000000a01', '+33612345678', SENDING.smsFrom));

    // Act
    const first = await reply(kase.caseNumber, { agent: 'agent-dewi', text: 'Oui, dès 11 h.' }, 'k-1');
    const retry = await reply(kase.caseNumber, { agent: 'agent-dewi', text: 'Oui, dès 11 h.' }, 'k-1');
    const read = await call(eventFor('GET /api/cases/{caseNumber}', { caseNumber: kase.caseNumber }));

    // Assess
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(twilio.received).toHaveLength(1);
    const sent = twilio.received[0];
    expect(sent?.path).toBe(`/2010-04-01/Accounts/${SENDING.accountSid}/Messages.json`);
    expect(sent?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${SENDING.accountSid}:${SENDING.token}`).toString('base64')}`,
    );
    expect(Object.fromEntries(sent?.form ?? [])).toEqual({
      To: '+33612345678',
      From: SENDING.smsFrom,
      Body: 'Oui, dès 11 h.',
      StatusCallback: SENDING.statusCallbackUrl,
    });
    expect(read.body.case.status).toBe('pending_guest');
    expect(read.body.messages).toEqual([
      expect.objectContaining({
        kind: 'agent_reply',
        channel: 'sms',
        to: '+33612345678',
        delivery: 'queued',
      }),
    ]);
  });

  it('mails an email guest through SES from our address, threaded to the case, as a person’s mail', async () => {
    // Prepare
    const kase = await aCaseWithAGuest({
      id: `email:${randomUUID()}`,
      channel: 'email',
      from: 'camille@example.fr',
      to: SENDING.emailFrom,
      subject: 'Arrivée anticipée',
    });

    // Act
    const sent = await reply(kase.caseNumber, { agent: 'agent-dewi', text: 'Bien sûr, à 11 h.' });
    const mails = await mailsSent();

    // Assess
    expect(sent).toMatchObject({ status: 201, body: { message: { channel: 'email', delivery: 'sent' } } });
    expect(mails).toHaveLength(1);
    const mail = mails[0]?.mail;
    expect(mails[0]?.destinations).toEqual(['camille@example.fr']);
    expect(mail?.from?.text).toBe(SENDING.emailFrom);
    expect(mail?.subject).toContain(kase.caseNumber);
    expect(mail?.text).toContain('Bien sûr, à 11 h.');
    expect(mail?.replyTo?.text).toMatch(/^help\+.+@support\.example\.com$/);
    expect(mail?.headers.has('auto-submitted')).toBe(false);
    expect(twilio.received).toHaveLength(0);
  });

  it('asks Connect for a call-back task when the guest called from a fixed line', async () => {
    // Prepare: the agent holds the case's task; the guest called from a Paris landline
    const kase = await aCaseWithAGuest({
      id: `voice:${randomUUID()}`,
      channel: 'voice',
      from: '+33142685300',
    });
    connectMock.on(StartTaskContactCommand).resolves({ ContactId: randomUUID() });

    // Act
    const asked = await reply(kase.caseNumber, { agent: 'agent-dewi', text: 'Rappeler pour le parking' });

    // Assess
    expect(asked).toMatchObject({ status: 202, body: { callback: { number: '+33142685300' } } });
    expect(asked.body.case.status).toBe('waiting');
    expect(connectMock.commandCalls(StartTaskContactCommand)).toHaveLength(1);
    expect(twilio.received).toHaveLength(0);
  });

  it('lists the canned templates, filled for a case', async () => {
    // Prepare
    const kase = await aCaseWithAGuest();
    const event = eventFor('GET /api/templates', {});
    event.rawQueryString = `caseNumber=${kase.caseNumber.toLowerCase()}`;

    // Act
    const listed = await call(event);

    // Assess
    expect(listed.status).toBe(200);
    expect(listed.body.case).toMatchObject({ caseNumber: kase.caseNumber, language: 'fr' });
    expect(listed.body.templates.length).toBeGreaterThan(0);
    expect(JSON.stringify(listed.body.templates)).toContain(kase.caseNumber);
  });
});

describe('the survey after an agent resolves in AWS', () => {
  it('texts the survey once when the agent resolves, and not again on a second resolve', async () => {
    // Prepare
    const kase = await aCaseWithAGuest();
    twilio.answer(createdMessage('SM00000000000000000000000000000b01', '+33612345678', SENDING.smsFrom));
    const resolve = () =>
      call(
        eventFor(
          'POST /api/cases/{caseNumber}/resolve',
          { caseNumber: kase.caseNumber },
          { agent: 'agent-dewi' },
        ),
      );

    // Act
    const resolved = await resolve();
    const again = await resolve();

    // Assess
    expect(resolved.body.survey).toMatchObject({ sent: true, channel: 'sms', delivery: 'queued' });
    expect(again.status).toBe(409);
    expect(twilio.received).toHaveLength(1);
    expect(Object.fromEntries(twilio.received[0]?.form ?? []).Body).toContain(kase.caseNumber);
  });

  it('mails signed links the survey-page Lambda answers: opening records nothing, sending records the score', async () => {
    // Prepare
    const kase = await aCaseWithAGuest({
      id: `email:${randomUUID()}`,
      channel: 'email',
      from: 'camille@example.fr',
      to: SENDING.emailFrom,
    });
    await call(
      eventFor(
        'POST /api/cases/{caseNumber}/resolve',
        { caseNumber: kase.caseNumber },
        { agent: 'agent-dewi' },
      ),
    );
    const text = (await mailsSent())[0]?.mail.text ?? '';
    const link =
      text
        .split('\n')
        .find((line) => line.startsWith('5 – '))
        ?.slice(4) ?? '';
    const token = link.slice(`${SENDING.surveyPageUrl}/survey/`.length);
    const page = async (method: 'GET' | 'POST', body?: string) => {
      const event = eventFor(`${method} /survey/{token}`, { token });
      event.body = body;
      return (await surveyPage(event, {} as Context)) as APIGatewayProxyStructuredResultV2;
    };

    // Act
    const opened = await page('GET');
    const afterOpening = await cases.getCase(kase.caseNumber);
    const answered = await page('POST', 'comment=Parfait');

    // Assess
    expect(link.startsWith(`${SENDING.surveyPageUrl}/survey/`)).toBe(true);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers?.['content-security-policy']).toContain("default-src 'none'");
    expect(afterOpening?.satisfaction).toBeUndefined();
    expect(answered.statusCode).toBe(200);
    expect((await cases.getCase(kase.caseNumber))?.satisfaction).toMatchObject({
      score: 5,
      comment: 'Parfait',
    });
    expect(answered.body).toContain('<html lang="fr"');
  });

  it('shows the dead-link page for a token it did not sign', async () => {
    // Act
    const event = eventFor('GET /survey/{token}', { token: 'CR-AAAAAA.2026-01-01T00:00:00.000Z.5.forged' });
    const answer = (await surveyPage(event, {} as Context)) as APIGatewayProxyStructuredResultV2;

    // Assess
    expect(answer.statusCode).toBe(404);
  });
});
