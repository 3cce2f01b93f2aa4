// A survey Twilio could not take when Connect resolved the case is sent by the next sweep, once: the
// deployed connect-events and case-task-sweep handlers on the environment the CDK app writes, the real
// case lifecycle and outbound ledger on dynalite, the real twilio client against a local stand-in.
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

/** A case a guest texted about, resolved by its agent while Twilio answered 503 to the survey. */
async function aResolvedCaseWhoseSurveyFailed() {
  const { kase, contactId } = await lambdas.aTextedCaseWithATask();
  lambdas.twilio.answer({ status: 503, body: { code: 20500, message: 'Service unavailable', status: 503 } });
  await lambdas.follow(connectEvent('CONNECTED_TO_AGENT', contactId));
  await lambdas.follow(connectEvent('COMPLETED', contactId));
  return kase;
}

describe('the sweep sends again what Twilio could not take', () => {
  it('texts the survey once Twilio is back, and never a second time', async () => {
    // Prepare
    const kase = await aResolvedCaseWhoseSurveyFailed();
    const failedTries = lambdas.twilio.received.length;
    lambdas.twilio.answer(
      createdMessage('SM00000000000000000000000000000d01', '+33612345678', SENDING.smsFrom),
    );

    // Act
    const first = await lambdas.sweep();
    const second = await lambdas.sweep();

    // Assess
    expect(failedTries).toBeGreaterThan(0);
    expect(first).toMatchObject({ resent: 1 });
    expect(second).toMatchObject({ resent: 0 });
    const sent = lambdas.twilio.received.slice(failedTries);
    expect(sent).toHaveLength(1);
    const sms = Object.fromEntries(sent[0]?.form ?? []);
    expect(sms).toMatchObject({ To: '+33612345678', From: SENDING.smsFrom });
    expect(sms.Body).toContain(kase.caseNumber);
  });
});
