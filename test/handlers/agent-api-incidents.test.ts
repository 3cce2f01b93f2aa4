// The operators' incident routes through the deployed agent-api handler, as API Gateway calls it after
// IAM authorization, and the deployed case-task sweep that paces the rest of the notices: both on the
// environment the CDK app writes, on dynalite, the real twilio client against a local stand-in for
// api.twilio.com, SES, Connect and Secrets Manager mocked at the SDK (they cannot run here).
import {
  DescribeContactCommand,
  GetContactAttributesCommand,
  UpdateContactRoutingDataCommand,
} from '@aws-sdk/client-connect';
import type { Context } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DynamoBookingStore } from '../../functions/adapters/dynamodb/booking-store';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import { caseTaskSweepHandler, type SweepRun } from '../../functions/handlers/case-task-sweep';
import { CaseMetrics } from '../../functions/shared/case-metrics';
import { wireCaseTaskSweep } from '../../functions/wiring/case-task-sweep';
import { caseTaskSweepEnvironment } from '../../functions/wiring/case-task-sweep-env';
import { guestOutboundEnvironment } from '../../functions/wiring/guest-outbound-env';
import { aBooking } from '../integration/builders';
import { agentApiEvent, type Json } from '../support/agent-api-lambda';
import { MESSENGERS, mailsSent, SENDING, SURVEY_LINKS } from '../support/aws-messengers';
import { connectMock, TEST_QUEUES } from '../support/lambda-env';
import { startTwilioAgentApi, type TwilioAgentApi } from '../support/twilio-agent-api';
import { createdMessage } from '../support/twilio-api-stand-in';

/** Monday 23 Nov 2026, 10:00 UTC: the declaration's minute. */
const T0 = Date.parse('2026-11-23T10:00:00.000Z');

let api: TwilioAgentApi;
let twilio: TwilioAgentApi['twilio'];
let sweeper: ReturnType<typeof caseTaskSweepHandler>;
/** The same sweep whose run finds its time budget already spent. */
let spentSweeper: ReturnType<typeof caseTaskSweepHandler>;
const bookings = () => new DynamoBookingStore(api.db.documentClient, api.db.tables.main);

/** `count` live bookings in `city`, phones and languages in turn (pt, en), or `email` instead of a phone. */
async function seed(city: string, count: number, prefix: string, email = false) {
  const refs = Array.from({ length: count }, (_, i) =>
    makeBookingReference(`${prefix}${String(i).padStart(9 - prefix.length, '0')}`),
  );
  await Promise.all(
    refs.map((reference, i) =>
      bookings().putBooking(
        aBooking({
          reference,
          city,
          propertyName: `Hotel ${city}`,
          phone: email ? undefined : `+3519${prefix}${String(i).padStart(9 - prefix.length, '0')}`,
          email: email ? `guest${i}@example.pt` : undefined,
          language: i % 2 === 0 ? 'pt' : 'en',
        }),
      ),
    ),
  );
  return refs;
}

beforeAll(async () => {
  api = await startTwilioAgentApi();
  twilio = api.twilio;
  const { clients } = api;
  // What stacks/doors.ts and stacks/guest-messages.ts give the sweep.
  const sweepEnv = {
    ...api.env,
    ...caseTaskSweepEnvironment({
      tableName: api.db.tables.main,
      connect: { instanceId: 'i-1', taskFlowId: 'flow-task', queuesJson: JSON.stringify(TEST_QUEUES) },
    }),
    ...guestOutboundEnvironment({ messengers: MESSENGERS, surveyLinks: SURVEY_LINKS }),
  };
  const metrics = new CaseMetrics(sweepEnv);
  sweeper = caseTaskSweepHandler(() => wireCaseTaskSweep(metrics, sweepEnv, clients), metrics);
  spentSweeper = caseTaskSweepHandler(() => {
    const wired = wireCaseTaskSweep(metrics, sweepEnv, clients);
    return { ...wired, settings: { ...wired.settings, budgetMs: 0 } };
  }, metrics);
  // Twilio takes every message: a Message resource for each, its sid unique.
  let n = 0;
  twilio.respondWith((request) => {
    const form = Object.fromEntries(request.form);
    return createdMessage(`SM${(++n).toString(16).padStart(32, '0')}`, form.To ?? '', form.From ?? '');
  });
});
afterAll(() => api.close());
beforeEach(() => {
  // Only Date: the network, dynalite and the SDK keep their real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  api.reset();
  // What the sweep's reconciliation may ask of Connect (no task is open in these tests).
  connectMock.on(UpdateContactRoutingDataCommand).resolves({});
  connectMock.on(GetContactAttributesCommand).resolves({ Attributes: {} });
  connectMock.on(DescribeContactCommand).resolves({ Contact: {} });
});
afterEach(() => vi.useRealTimers());

const call = (routeKey: string, params: Record<string, string>, body?: unknown) =>
  api.call(agentApiEvent(routeKey, params, body));

/** One scheduled run of the sweep, `seconds` after the declaration. */
async function sweepAt(seconds: number, run = sweeper): Promise<SweepRun> {
  vi.setSystemTime(T0 + seconds * 1000);
  return (await run(undefined, {} as Context)) as SweepRun;
}

/** The SMS Twilio was asked to send: recipient and text. */
const texts = (from = 0) =>
  twilio.received.slice(from).map((r) => {
    const form = Object.fromEntries(r.form);
    return { to: form.To, body: form.Body, from: form.From };
  });

const declaration = { title: 'Flood', message: { en: 'Flooded.', pt: 'Inundado.' }, notify: false };

describe('agent-api Lambda: incidents', () => {
  it('declares, shows and resolves an incident behind the IAM route', async () => {
    // Prepare
    const [ref] = await seed('Lisbon', 1, '9000');

    // Act
    const declared = await call(
      'POST /api/incidents',
      {},
      { ...declaration, match: { city: 'Lisbon' }, notify: false },
    );
    const id = declared.body.incident.id as string;
    const listed = await call('GET /api/incidents', {});
    const shown = await call('GET /api/incidents/{id}', { id });
    const resolved = await call('POST /api/incidents/{id}/resolve', { id }, {});

    // Assess: nobody was notified, and nobody wrote: the resolution tells no one
    expect(declared).toMatchObject({
      status: 201,
      body: { incident: { matchedBookings: 1, bookingRefs: [ref], notify: false } },
    });
    expect(listed.body.incidents.map((i: Json) => i.id)).toContain(id);
    expect(shown.body.incident.counts).toEqual({ notified: 0, contacts: 0, openCases: 0 });
    expect(resolved).toMatchObject({
      status: 200,
      body: { incident: { status: 'resolved' }, guestsTold: 0, guestsLeft: 0 },
    });
    expect(twilio.received).toHaveLength(0);
  });

  it('notifies with the declaration: the first minute’s share at once, the sweep the rest a minute at a time', async () => {
    // Prepare: 130 guests in Faro; the shipped policy allows 60 notices a minute
    const refs = await seed('Faro', 130, '9100');

    // Act
    const declared = await call(
      'POST /api/incidents',
      {},
      { ...declaration, match: { city: 'Faro' }, notify: true },
    );
    const atDeclaration = twilio.received.length;
    const spent = await sweepAt(60, spentSweeper);
    const afterSpent = twilio.received.length;
    const runs = [
      await sweepAt(20),
      await sweepAt(60),
      await sweepAt(90),
      await sweepAt(120),
      await sweepAt(180),
    ];
    const shown = await call('GET /api/incidents/{id}', { id: declared.body.incident.id });

    // Assess
    expect(declared.status).toBe(201);
    expect(declared.body.incident).toMatchObject({ matchedBookings: 130, notifiedThrough: 60 });
    expect(declared.body.incident.counts.notified).toBe(60);
    expect(atDeclaration).toBe(60);
    // A run with no time left sends nothing; the next one sends what is due.
    expect(spent.incidents).toBeUndefined();
    expect(afterSpent).toBe(60);
    // A run with no time left sends nothing; the next one sends what is due.
    expect(spent.incidents).toBeUndefined();
    expect(afterSpent).toBe(60);
    expect(runs.map((r) => r.incidents?.notices)).toEqual([0, 60, 0, 10, 0]);
    const sent = texts();
    expect(new Set(sent.map((s) => s.to)).size).toBe(130);
    expect(sent).toHaveLength(130);
    expect(sent.every((s) => s.from === SENDING.smsFrom)).toBe(true);
    // Each in the booking's language, the first booking (pt) first: notices go in check-in order.
    expect(sent.filter((s) => s.body === 'Inundado.')).toHaveLength(65);
    expect(sent.filter((s) => s.body === 'Flooded.')).toHaveLength(65);
    expect(shown.body.incident).toMatchObject({ notifiedThrough: 130, counts: { notified: 130 } });
    expect(shown.body.incident.bookingRefs).toHaveLength(refs.length);

    // Tidy: the next tests' sweeps see no active incident of this one
    await call('POST /api/incidents/{id}/resolve', { id: declared.body.incident.id }, {});
  }, 60_000);

  it('tells each guest the resolution once, by SMS or email; a second resolve and the sweep send nothing', async () => {
    // Prepare: two guests with a phone, one with only an email address, all notified
    await seed('Tavira', 2, '9200');
    await seed('Tavira', 1, '9300', true);
    const declared = await call(
      'POST /api/incidents',
      {},
      { ...declaration, match: { city: 'tavira' }, notify: true },
    );
    const id = declared.body.incident.id as string;
    const notices = twilio.received.length;

    // Act
    const resolved = await call('POST /api/incidents/{id}/resolve', { id }, { message: 'Reopened.' });
    const again = await call('POST /api/incidents/{id}/resolve', { id }, { message: 'Other words.' });
    const run = await sweepAt(60);

    // Assess
    expect(notices).toBe(2);
    expect(resolved).toMatchObject({
      status: 200,
      body: { guestsTold: 3, guestsLeft: 0, incident: { status: 'resolved' } },
    });
    expect(again).toMatchObject({ status: 200, body: { guestsTold: 0, guestsLeft: 0 } });
    expect(run.incidents).toEqual({ notices: 0, resolutions: 0 });
    expect(texts(notices).map((s) => s.body)).toEqual(['Reopened.', 'Reopened.']);
    const mails = await mailsSent();
    expect(mails.map((m) => [m.destinations, m.mail.subject, m.mail.text?.split('\n')[0]])).toEqual([
      [['guest0@example.pt'], 'Flood', 'Inundado.'],
      [['guest0@example.pt'], 'Flood', 'Reopened.'],
    ]);
  });

  it('answers a bad declaration and an unknown incident with the reason', async () => {
    // Act
    const bad = await call(
      'POST /api/incidents',
      {},
      { ...declaration, match: { city: 'Faro' }, priority: 0 },
    );
    const empty = await call('POST /api/incidents', {}, { ...declaration, match: {} });
    const missing = await call('GET /api/incidents/{id}', { id: 'INC-NOPE0000' });

    // Assess
    expect(bad).toMatchObject({ status: 400, body: { path: 'priority' } });
    expect(empty).toMatchObject({ status: 400, body: { path: 'match' } });
    expect(missing.status).toBe(404);
  });
});
