// The satisfaction survey after Connect resolves a case, through the deployed connect-events handler:
// the environment the CDK app writes, the recorded-shape events of test/fixtures/events/connect, the
// real case lifecycle on dynalite, the real twilio client against a local stand-in, Connect mocked.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SENDING } from '../support/aws-messengers';
import { type CaseEventLambdas, startCaseEventLambdas } from '../support/case-event-lambdas';
import { connectEvent } from '../support/connect-events';
import { createdMessage } from '../support/twilio-api-stand-in';

let lambdas: CaseEventLambdas;

beforeAll(async () => {
  lambdas = await startCaseEventLambdas();
});
afterAll(() => lambdas.close());
beforeEach(() => lambdas.reset());

describe('the survey after Connect resolves a case', () => {
  it('texts the guest one survey when the agent completes the task; the redelivered event sends nothing', async () => {
    // Prepare
    const { kase, contactId } = await lambdas.aTextedCaseWithATask();
    lambdas.twilio.answer(
      createdMessage('SM00000000000000000000000000000c01', '+33612345678', SENDING.smsFrom),
    );
    await lambdas.follow(connectEvent('CONNECTED_TO_AGENT', contactId));
    const completed = connectEvent('COMPLETED', contactId);

    // Act
    const first = await lambdas.follow(completed);
    const redelivered = await lambdas.follow(structuredClone(completed));

    // Assess
    expect(first).toMatchObject({ outcome: 'moved', detail: 'resolve' });
    expect(redelivered).toMatchObject({ outcome: 'duplicate' });
    expect(lambdas.twilio.received).toHaveLength(1);
    const sms = Object.fromEntries(lambdas.twilio.received[0]?.form ?? []);
    expect(sms).toMatchObject({
      To: '+33612345678',
      From: SENDING.smsFrom,
      StatusCallback: SENDING.statusCallbackUrl,
    });
    expect(sms.Body).toContain(kase.caseNumber);
    const stored = await lambdas.cases.getCase(kase.caseNumber);
    expect(stored?.status).toBe('resolved');
    expect(stored?.survey).toMatchObject({ channel: 'sms', to: '+33612345678' });
  });

  it('resolves the case even when Twilio cannot take the survey', async () => {
    // Prepare
    const { kase, contactId } = await lambdas.aTextedCaseWithATask();
    lambdas.twilio.answer({
      status: 503,
      body: { code: 20500, message: 'Service unavailable', status: 503 },
    });
    await lambdas.follow(connectEvent('CONNECTED_TO_AGENT', contactId));

    // Act
    const result = await lambdas.follow(connectEvent('COMPLETED', contactId));

    // Assess
    expect(result).toMatchObject({ outcome: 'moved', detail: 'resolve' });
    expect(lambdas.twilio.received.length).toBeGreaterThan(0);
    expect((await lambdas.cases.getCase(kase.caseNumber))?.status).toBe('resolved');
  });
});
