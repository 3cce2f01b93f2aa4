// Agent replies through the deployed agent-api handler: the environment the CDK app writes, the real
// case lifecycle, ledger and task bookkeeping on dynalite, the real twilio client against a local
// stand-in for api.twilio.com, SES and Connect mocked at the SDK.
import { randomUUID } from 'node:crypto';
import { StartTaskContactCommand, StopContactCommand } from '@aws-sdk/client-connect';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { agentApiHandler } from '../../functions/handlers/agent-api';
import { wireAgentApi } from '../../functions/wiring/agent-api';
import {
  aCaseWithAGuest,
  agentApiEnv,
  agentApiEvent as eventFor,
  invoke,
  lambdaClients,
} from '../support/agent-api-lambda';
import { healthySending, mailsSent, SENDING } from '../support/aws-messengers';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { connectMock } from '../support/lambda-env';
import { createdMessage, startTwilioApiStandIn, type TwilioApiStandIn } from '../support/twilio-api-stand-in';

let db: Dynalite;
let twilio: TwilioApiStandIn;
let cases: DynamoCaseStore;
let handler: ReturnType<typeof agentApiHandler>;

beforeAll(async () => {
  db = await startDynalite();
  twilio = await startTwilioApiStandIn();
  // What stacks/agent-api.ts writes, over this dynalite and the stand-in's address.
  const env = agentApiEnv(db, { TWILIO_API_BASE: twilio.url });
  cases = new DynamoCaseStore(db.documentClient, db.tables.main);
  const clients = lambdaClients(db);
  handler = agentApiHandler(() => wireAgentApi(env, { moved: () => undefined }, clients));
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

const call = (event: Parameters<typeof invoke>[1]) => invoke(handler, event);
const reply = (caseNumber: string, body: unknown, key?: string) =>
  call(
    eventFor(
      'POST /api/cases/{caseNumber}/replies',
      { caseNumber },
      body,
      key ? { headers: { 'idempotency-key': key } } : {},
    ),
  );

describe('agent replies through the agent-api Lambda', () => {
  it('sends an SMS reply through Twilio once per Idempotency-Key and records its delivery', async () => {
    // Prepare
    const kase = await aCaseWithAGuest(cases);
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
    const kase = await aCaseWithAGuest(cases, {
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
    const kase = await aCaseWithAGuest(cases, {
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
    const kase = await aCaseWithAGuest(cases);
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
