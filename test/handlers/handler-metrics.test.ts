// The dashboard's custom metrics as the handlers write them: EMF lines on stdout, captured from real
// invocations (the messaging Lambda as deployed over dynalite, the email handler over the harness).
import { readFileSync } from 'node:fs';
import { GetCurrentMetricDataCommand, StartTaskContactCommand } from '@aws-sdk/client-connect';
import type { Context, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Case } from '../../functions/domain/case';
import { emailInboundHandler } from '../../functions/handlers/email-inbound';
import { handler as retryHandler } from '../../functions/handlers/handoff-retry';
import { handler } from '../../functions/handlers/twilio-messaging';
import { CaseMetrics } from '../../functions/shared/case-metrics';
import { ContactMetrics } from '../../functions/shared/metrics';
import { DIMENSIONS, METRICS } from '../../infra/constructs/metrics-contract';
import { LINES, startIvrHarness } from '../integration/ivr-harness';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { emailDepsFor, MemoryMailer, MemoryRawStore } from '../support/email-deps';
import { type Emf, emfOf } from '../support/emf';
import { startIntakeHarness } from '../support/intake-harness';
import { connectMock, healthyAws, lambdaEnv } from '../support/lambda-env';
import { signedTwilioEvent } from '../support/twilio-lambda-event';

const NAMESPACE = 'ContactRouter/test';
const TOKEN = 'metrics-token-0123456789abcdef0123';
const DOMAIN = 'abc123.execute-api.eu-west-1.amazonaws.com';
const connect = connectMock;

function smsEvent(params: Record<string, string>) {
  return signedTwilioEvent(TOKEN, `https://${DOMAIN}/prod/twilio/messaging`, params);
}

describe('handler metrics (EMF on stdout)', () => {
  let db: Dynalite;
  const saved = { ...process.env };

  beforeAll(async () => {
    db = await startDynalite();
    Object.assign(
      process.env,
      lambdaEnv(db, {
        POWERTOOLS_METRICS_NAMESPACE: NAMESPACE,
        POWERTOOLS_SERVICE_NAME: 'twilioMessaging',
      }),
    );
  });
  afterAll(async () => {
    process.env = saved;
    await db.stop();
  });
  beforeEach(() => healthyAws(TOKEN));

  it('writes Contacts, Fallbacks and the promised first response for a new SMS, with the dashboard dimension sets', async () => {
    // Prepare
    const params = {
      MessageSid: 'SMmetrics000000000000000000000001',
      From: '+447700900123',
      To: '+447700900999',
      Body: 'Hi, I need to add airport transfer to my booking',
    };
    // A Monday morning in London with English agents staffed: the English team takes it, no fallback.
    connect.on(GetCurrentMetricDataCommand).resolves({
      MetricResults: [
        {
          Dimensions: { Queue: { Id: 'q-en' } },
          Collections: [{ Metric: { Name: 'AGENTS_STAFFED', Unit: 'COUNT' }, Value: 3 }],
        },
      ],
    });
    // Only Date is faked: timers and I/O run as usual.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-23T10:00:00Z') });
    // Act
    const { lines, byMetric } = await emfOf(() => handler(smsEvent(params), {} as Context)).finally(() =>
      vi.useRealTimers(),
    );
    // Assess
    expect(lines).toHaveLength(3);
    const contacts = byMetric.get('Contacts');
    expect(contacts?._aws.CloudWatchMetrics[0]).toEqual({
      Namespace: NAMESPACE,
      Dimensions: [[], ['Channel'], ['Queue'], ['Language']],
      Metrics: [{ Name: 'Contacts', Unit: 'Count' }],
    });
    expect(contacts).toMatchObject({ Channel: 'sms', Queue: 'en-team', Language: 'en', Contacts: 1 });
    expect(contacts).not.toHaveProperty('service');
    const fallbacks = byMetric.get('Fallbacks');
    expect(fallbacks?._aws.CloudWatchMetrics[0]?.Dimensions).toEqual([[], ['Channel']]);
    expect(fallbacks).toMatchObject({ Channel: 'sms', Fallbacks: 0 });
    const firstResponse = byMetric.get('ExpectedFirstResponseMinutes');
    expect(firstResponse?._aws.CloudWatchMetrics[0]?.Dimensions).toEqual([[], ['Queue']]);
    expect(firstResponse?._aws.CloudWatchMetrics[0]?.Metrics).toEqual([
      { Name: 'ExpectedFirstResponseMinutes', Unit: 'None' },
    ]);
    expect(firstResponse).toMatchObject({
      Queue: 'en-team',
      ExpectedFirstResponseMinutes: expect.any(Number),
    });
    // Nothing personal in the metric lines: no number, no message text.
    expect(lines.join('\n')).not.toMatch(/7700900|airport/);
  });

  it('writes nothing for a redelivered message (same MessageSid)', async () => {
    // Prepare
    const params = {
      MessageSid: 'SMmetrics000000000000000000000002',
      From: '+447700900124',
      To: '+447700900999',
      Body: 'Where is my refund?',
    };
    await emfOf(() => handler(smsEvent(params), {} as Context));
    // Act
    const { lines } = await emfOf(() => handler(smsEvent(params), {} as Context));
    // Assess
    expect(lines).toEqual([]);
  });

  it('counts a failed hand-off at the door and again when the scheduled retry fails', async () => {
    // Prepare
    connect
      .on(StartTaskContactCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    const params = {
      MessageSid: 'SMmetrics000000000000000000000003',
      From: '+447700900125',
      To: '+447700900999',
      Body: 'Nobody at reception and it is midnight',
    };
    // Act
    const door = await emfOf(() => handler(smsEvent(params), {} as Context));
    const retry = await emfOf(() => retryHandler({}, {} as Context));
    // Assess
    for (const { byMetric } of [door, retry]) {
      const failures = byMetric.get('HandOffFailures');
      expect(failures?._aws.CloudWatchMetrics[0]).toEqual({
        Namespace: NAMESPACE,
        Dimensions: [[]],
        Metrics: [{ Name: 'HandOffFailures', Unit: 'Count' }],
      });
      expect(failures?.HandOffFailures).toBe(1);
    }
    expect(retry.byMetric.has('Contacts')).toBe(false);
  });

  it("uses exactly the dashboard's metric and dimension names (infra/constructs/metrics-contract.ts)", async () => {
    // Prepare
    const metrics = new ContactMetrics({ POWERTOOLS_METRICS_NAMESPACE: NAMESPACE });
    metrics.contact({
      channel: 'whatsapp',
      decision: {
        queue: 'global-247',
        priority: 3,
        language: 'de',
        expectedResponseMinutes: 30,
        fallbackUsed: true,
        reasons: [],
      },
    } as unknown as Parameters<ContactMetrics['contact']>[0]);
    metrics.handOffFailure();
    // The case metrics of the Connect and TaskRouter Lambdas: a first response and a resolution.
    const cases = new CaseMetrics({ POWERTOOLS_METRICS_NAMESPACE: NAMESPACE });
    const at = new Date('2026-11-22T23:10:00.000Z');
    const resolved: Case = {
      caseNumber: 'CR-7K4M2Q',
      status: 'resolved',
      ownerKey: 'cust-1',
      language: 'de',
      topic: 'change_booking',
      queue: 'global-247',
      priority: 3,
      openedAt: '2026-11-22T22:10:00.000Z',
      updatedAt: at.toISOString(),
      contactCount: 1,
      timeline: [],
      firstResponseAt: at.toISOString(),
      resolvedAt: at.toISOString(),
    };
    cases.moved(resolved, at);
    cases.answered({
      ...resolved,
      satisfaction: { score: 5, at: at.toISOString(), surveyId: 'CR-7K4M2Q:survey:1' },
    });
    // Act
    const { byMetric, lines } = await emfOf(async () => {
      metrics.publish();
      cases.publish();
    });
    // Assess
    expect([...byMetric.keys()].sort()).toEqual(Object.values(METRICS).sort());
    const dimensionNames = new Set(
      lines.flatMap((l) => (JSON.parse(l) as Emf)._aws.CloudWatchMetrics[0]?.Dimensions.flat() ?? []),
    );
    expect([...dimensionNames].sort()).toEqual(Object.values(DIMENSIONS).sort());
    expect(byMetric.get('Fallbacks')).toMatchObject({ Channel: 'whatsapp', Fallbacks: 1 });
  });
});

describe('email-inbound metrics', () => {
  it('writes Contacts for a new email on the email channel, and nothing for its redelivery', async () => {
    // Prepare
    const h = await startIntakeHarness(new Date('2026-11-23T10:00:00.000Z'));
    try {
      const raw = new MemoryRawStore();
      const event = JSON.parse(
        readFileSync('test/fixtures/email/events/s3-notification-in-sqs.json', 'utf8'),
      ) as SQSEvent;
      const key = JSON.parse(event.Records[0]?.body ?? '{}').Records[0].s3.object.key as string;
      raw.objects.set(key, readFileSync('test/fixtures/email/windows-1252-qp.eml'));
      const deps = emailDepsFor(h, raw, new MemoryMailer());
      const email = emailInboundHandler(
        async () => deps,
        new ContactMetrics({ POWERTOOLS_METRICS_NAMESPACE: NAMESPACE }),
      );
      // Act
      const first = await emfOf(() => email(structuredClone(event), {} as Context));
      const again = await emfOf(() => email(structuredClone(event), {} as Context));
      // Assess
      expect(first.byMetric.get('Contacts')).toMatchObject({ Channel: 'email', Contacts: 1 });
      expect(first.lines.join('\n')).not.toMatch(/@/);
      expect(again.lines).toEqual([]);
    } finally {
      await h.db.stop();
    }
  });
});

describe('connect-ivr metrics', () => {
  it('writes Contacts once per call on the voice channel, in the language the caller chose', async () => {
    // Prepare
    const ivr = await startIvrHarness();
    const saved = process.env.POWERTOOLS_METRICS_NAMESPACE;
    process.env.POWERTOOLS_METRICS_NAMESPACE = NAMESPACE;
    try {
      // Act: the UK line, French from the menu, "anything else", no booking number
      const { byMetric, lines } = await emfOf(() => ivr.call(LINES.en, '+15550000077', ['2', '5', '#']));
      // Assess
      expect(lines.filter((l) => l.includes('"Contacts"'))).toHaveLength(1);
      expect(byMetric.get('Contacts')).toMatchObject({ Channel: 'voice', Language: 'fr', Queue: 'fr-team' });
      expect(lines.join('\n')).not.toContain('5550000077');
    } finally {
      if (saved === undefined) delete process.env.POWERTOOLS_METRICS_NAMESPACE;
      else process.env.POWERTOOLS_METRICS_NAMESPACE = saved;
      await ivr.stop();
    }
  });
});
