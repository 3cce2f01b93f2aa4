// CSAT in AWS as CloudWatch reads it: the EMF lines the deployed handlers print when a guest's survey
// answer is recorded — by the survey page's one-click link, by a digit texted back, by a mail reply —
// once per answer, never again for a repeated click or a redelivered message.
import { readFileSync } from 'node:fs';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
  SQSEvent,
} from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { SurveyItems } from '../../functions/adapters/dynamodb/survey-items';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import { hmacSigner } from '../../functions/adapters/email/hmac-signer';
import type { Case, SurveySent } from '../../functions/domain/case';
import { caseNumberFor } from '../../functions/domain/intake/case-number';
import { surveyId, surveyRefOf, surveyToken } from '../../functions/domain/survey/survey-token';
import { emailInboundHandler } from '../../functions/handlers/email-inbound';
import { handler as surveyPage } from '../../functions/handlers/survey-page';
import { handler as messaging } from '../../functions/handlers/twilio-messaging';
import { CaseMetrics } from '../../functions/shared/case-metrics';
import { ContactMetrics } from '../../functions/shared/metrics';
import { surveyPageEnvironment } from '../../functions/wiring/survey-page-env';
import { aCase } from '../integration/builders';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { emailDepsFor, MemoryMailer, MemoryRawStore } from '../support/email-deps';
import { type Emf, emfOf } from '../support/emf';
import { startIntakeHarness } from '../support/intake-harness';
import { healthyAws, lambdaEnv, secretsMock, TEST_QUEUES } from '../support/lambda-env';
import { signedTwilioEvent } from '../support/twilio-lambda-event';

const NAMESPACE = 'ContactRouter/test';
const TOKEN = 'csat-token-0123456789abcdef0123456';
const DOMAIN = 'abc123.execute-api.eu-west-1.amazonaws.com';
const SURVEY_SECRET = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:survey-key-AbCdEf';
const SURVEY_KEY = 'survey-signing-key-0123456789abcdef';

/** The CSAT lines among EMF lines, as [metric, dimension names, value, Queue, Language]. */
function csatLines(lines: string[]): [string, string[], unknown, unknown, unknown][] {
  return lines
    .map((line) => JSON.parse(line) as Emf)
    .map((emf) => {
      const set = emf._aws.CloudWatchMetrics[0];
      const name = set?.Metrics[0]?.Name ?? '';
      return [name, set?.Dimensions[0] ?? [], emf[name], emf.Queue, emf.Language] as [
        string,
        string[],
        unknown,
        unknown,
        unknown,
      ];
    })
    .filter(([name]) => name === 'SatisfactionScore' || name === 'SatisfiedAnswers');
}

/** What answered() writes for one answer of `score` on a case of the en-team queue in French. */
function csatOf(score: number): [string, string[], unknown, unknown, unknown][] {
  const happy = score >= 4 ? 1 : 0;
  return [
    ['SatisfactionScore', [], score, undefined, undefined],
    ['SatisfactionScore', ['Queue'], score, 'en-team', undefined],
    ['SatisfactionScore', ['Language'], score, undefined, 'fr'],
    ['SatisfiedAnswers', [], happy, undefined, undefined],
    ['SatisfiedAnswers', ['Queue'], happy, 'en-team', undefined],
    ['SatisfiedAnswers', ['Language'], happy, undefined, 'fr'],
  ];
}

/** A French guest's case in the en-team queue, resolved an hour ago, its survey sent to `to`. */
function surveyedCase(seed: string, survey: Omit<SurveySent, 'id' | 'sentAt'>): Case {
  const resolvedAt = new Date(Date.now() - 3_600_000).toISOString();
  const caseNumber = caseNumberFor(seed, 0);
  return aCase({
    caseNumber,
    status: 'resolved',
    language: 'fr',
    queue: 'en-team',
    resolvedAt,
    survey: { ...survey, id: surveyId(surveyRefOf(caseNumber, resolvedAt)), sentAt: resolvedAt },
  });
}

describe('CSAT metrics of the survey page and the messaging Lambda', () => {
  let db: Dynalite;
  let cases: DynamoCaseStore;
  const saved = { ...process.env };

  beforeAll(async () => {
    db = await startDynalite();
    cases = new DynamoCaseStore(db.documentClient, db.tables.main);
    // What the stack writes for the survey page (and the messaging door's own), over this dynalite.
    const page = surveyPageEnvironment({
      tableName: db.tables.main,
      connect: { instanceId: 'i-1', taskFlowId: 'flow-task', queuesJson: JSON.stringify(TEST_QUEUES) },
      surveyLinks: { pageUrl: `https://${DOMAIN}`, signingSecret: SURVEY_SECRET },
    });
    Object.assign(process.env, lambdaEnv(db, { ...page, POWERTOOLS_METRICS_NAMESPACE: NAMESPACE }));
  });
  afterAll(async () => {
    process.env = saved;
    await db.stop();
  });
  beforeEach(() => {
    healthyAws(TOKEN);
    secretsMock.on(GetSecretValueCommand, { SecretId: SURVEY_SECRET }).resolves({ SecretString: SURVEY_KEY });
  });

  it('writes the score once when the guest sends the survey page, and nothing for a second send', async () => {
    // Prepare
    const kase = surveyedCase('csat-page', { channel: 'email', to: 'camille@example.fr' });
    await cases.createCase(kase, 'email:origin-page');
    const token = surveyToken(surveyRefOf(kase.caseNumber, kase.resolvedAt ?? ''), 5, hmacSigner(SURVEY_KEY));
    const send = () =>
      surveyPage(
        {
          version: '2.0',
          routeKey: 'POST /survey/{token}',
          rawPath: `/survey/${token}`,
          rawQueryString: '',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          requestContext: { http: { method: 'POST', path: `/survey/${token}` } },
          pathParameters: { token },
          body: 'comment=Parfait',
          isBase64Encoded: false,
        } as unknown as APIGatewayProxyEventV2,
        {} as Context,
      ) as Promise<APIGatewayProxyStructuredResultV2>;

    // Act
    const first = await emfOf(send);
    const again = await emfOf(send);

    // Assess
    expect((await cases.getCase(kase.caseNumber))?.satisfaction).toMatchObject({ score: 5 });
    expect(csatLines(first.lines)).toEqual(csatOf(5));
    expect(first.byMetric.get('SatisfactionScore')?._aws.CloudWatchMetrics[0]?.Namespace).toBe(NAMESPACE);
    expect(again.lines).toEqual([]);
  });

  it('writes nothing when the page is only opened (mail scanners open every link)', async () => {
    // Prepare
    const kase = surveyedCase('csat-open', { channel: 'email', to: 'jules@example.fr' });
    await cases.createCase(kase, 'email:origin-open');
    const token = surveyToken(surveyRefOf(kase.caseNumber, kase.resolvedAt ?? ''), 1, hmacSigner(SURVEY_KEY));
    // Act
    const opened = await emfOf(() =>
      surveyPage(
        {
          version: '2.0',
          routeKey: 'GET /survey/{token}',
          rawPath: `/survey/${token}`,
          rawQueryString: '',
          headers: {},
          requestContext: { http: { method: 'GET', path: `/survey/${token}` } },
          pathParameters: { token },
          isBase64Encoded: false,
        } as unknown as APIGatewayProxyEventV2,
        {} as Context,
      ),
    );
    // Assess
    expect(opened.lines).toEqual([]);
    expect((await cases.getCase(kase.caseNumber))?.satisfaction).toBeUndefined();
  });

  it('writes the score once for a digit texted back, and nothing when Twilio redelivers the message', async () => {
    // Prepare
    const kase = surveyedCase('csat-sms', { channel: 'sms', to: '+33612345600' });
    await cases.createCase(kase, 'sms:SMcsatorigin');
    await new SurveyItems(new TableClient(db.documentClient, db.tables.main)).awaitAnswer({
      channel: 'sms',
      address: '+33612345600',
      caseNumber: kase.caseNumber,
      surveyId: kase.survey?.id ?? '',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const params = {
      MessageSid: 'SMcsat00000000000000000000000000001',
      From: '+33612345600',
      To: '+447700900999',
      Body: '2 la clé ne marchait pas',
    };
    const text = () =>
      messaging(signedTwilioEvent(TOKEN, `https://${DOMAIN}/prod/twilio/messaging`, params), {} as Context);

    // Act
    const first = await emfOf(text);
    const again = await emfOf(text);

    // Assess: a 2 reopens the case, and counts as an unsatisfied answer
    const after = await cases.getCase(kase.caseNumber);
    expect(after?.satisfaction).toMatchObject({ score: 2 });
    expect(after?.status).not.toBe('resolved');
    expect(csatLines(first.lines)).toEqual(csatOf(2));
    // The answer is no new contact: nothing counts it among Contacts.
    expect(first.byMetric.has('Contacts')).toBe(false);
    expect(first.lines.join('\n')).not.toMatch(/33612345600|clé/);
    expect(again.lines).toEqual([]);
  });
});

describe('CSAT metrics of the email Lambda', () => {
  it('writes the score once for a mail reply starting with a digit, and nothing for its redelivery', async () => {
    // Prepare: a case whose survey went by mail to the guest an hour ago
    const now = new Date('2026-11-23T10:00:00.000Z');
    const h = await startIntakeHarness(now);
    try {
      const surveys = new SurveyItems(new TableClient(h.db.documentClient, h.db.tables.main));
      const resolvedAt = new Date(now.getTime() - 3_600_000).toISOString();
      const caseNumber = caseNumberFor('csat-mail', 0);
      const id = surveyId(surveyRefOf(caseNumber, resolvedAt));
      const kase = aCase({
        caseNumber,
        status: 'resolved',
        language: 'fr',
        queue: 'en-team',
        resolvedAt,
        survey: { id, sentAt: resolvedAt, channel: 'email', to: 'camille@example.fr' },
      });
      await h.cases.createCase(kase, 'email:origin-mail');
      await surveys.awaitAnswer({
        channel: 'email',
        address: 'camille@example.fr',
        caseNumber,
        surveyId: id,
        expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
      });
      const event = JSON.parse(
        readFileSync('test/fixtures/email/events/s3-notification-in-sqs.json', 'utf8'),
      ) as SQSEvent;
      const key = JSON.parse(event.Records[0]?.body ?? '{}').Records[0].s3.object.key as string;
      const raw = new MemoryRawStore();
      raw.objects.set(
        key,
        Buffer.from(
          [
            'Authentication-Results: amazonses.com; spf=pass; dkim=pass; dmarc=pass header.from=example.fr;',
            'From: camille@example.fr',
            'To: support@contact-router.local',
            `Subject: Re: Votre avis [${caseNumber}]`,
            'Date: Mon, 23 Nov 2026 09:59:00 +0000',
            'Message-ID: <csat-reply-1@example.fr>',
            'Content-Type: text/plain; charset=utf-8',
            '',
            '4 merci beaucoup',
            '',
          ].join('\r\n'),
        ),
      );
      const deps = { ...emailDepsFor(h, raw, new MemoryMailer()), intake: { ...h.deps, surveys } };
      const env = { POWERTOOLS_METRICS_NAMESPACE: NAMESPACE };
      const email = emailInboundHandler(async () => deps, new ContactMetrics(env), new CaseMetrics(env));

      // Act
      const first = await emfOf(() => email(structuredClone(event), {} as Context));
      const again = await emfOf(() => email(structuredClone(event), {} as Context));

      // Assess
      expect((await h.cases.getCase(caseNumber))?.satisfaction).toMatchObject({ score: 4 });
      expect(csatLines(first.lines)).toEqual(csatOf(4));
      expect(first.lines.join('\n')).not.toMatch(/@/);
      expect(again.lines).toEqual([]);
    } finally {
      await h.db.stop();
    }
  });
});
