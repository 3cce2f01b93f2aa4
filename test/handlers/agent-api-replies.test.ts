// Agent replies through the deployed agent-api handler: the environment the CDK app writes, the real
// case lifecycle, ledger and task bookkeeping on dynalite, the real twilio client against a local
// stand-in for api.twilio.com, SES and Connect mocked at the SDK.
import { randomUUID } from 'node:crypto';
import { StartTaskContactCommand } from '@aws-sdk/client-connect';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aCaseWithAGuest, agentApiEvent as eventFor } from '../support/agent-api-lambda';
import { mailsSent, SENDING } from '../support/aws-messengers';
import { connectMock } from '../support/lambda-env';
import { startTwilioAgentApi, type TwilioAgentApi } from '../support/twilio-agent-api';
import { createdMessage } from '../support/twilio-api-stand-in';

let api: TwilioAgentApi;
let twilio: TwilioAgentApi['twilio'];
let cases: TwilioAgentApi['cases'];

beforeAll(async () => {
  api = await startTwilioAgentApi();
  ({ twilio, cases } = api);
});
afterAll(() => api.close());
beforeEach(() => api.reset());

const call = (event: Parameters<TwilioAgentApi['call']>[0]) => api.call(event);
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
