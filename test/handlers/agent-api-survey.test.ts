// The satisfaction survey after an agent resolves, through the deployed agent-api handler, and its
// signed links answered by the deployed survey-page handler: the environment the CDK app writes, the
// real case lifecycle and ledger on dynalite, the real twilio client against a local stand-in for
// api.twilio.com, SES and Connect mocked at the SDK.

import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { surveyPageHandler } from '../../functions/handlers/survey-page';
import { wireSurveyPage } from '../../functions/wiring/survey-page';
import { aCaseWithAGuest, agentApiEvent as eventFor } from '../support/agent-api-lambda';
import { mailsSent, SENDING } from '../support/aws-messengers';
import { startTwilioAgentApi, type TwilioAgentApi } from '../support/twilio-agent-api';
import { createdMessage } from '../support/twilio-api-stand-in';

let api: TwilioAgentApi;
let twilio: TwilioAgentApi['twilio'];
let cases: TwilioAgentApi['cases'];
let surveyPage: ReturnType<typeof surveyPageHandler>;

beforeAll(async () => {
  api = await startTwilioAgentApi();
  ({ twilio, cases } = api);
  surveyPage = surveyPageHandler(() => wireSurveyPage(api.env, api.clients));
});
afterAll(() => api.close());
beforeEach(() => api.reset());

const call = (event: Parameters<TwilioAgentApi['call']>[0]) => api.call(event);

describe('the survey after an agent resolves in AWS', () => {
  it('texts the survey once when the agent resolves, and not again on a second resolve', async () => {
    // Prepare
    const kase = await aCaseWithAGuest(cases);
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
    const kase = await aCaseWithAGuest(cases, {
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
