// The satisfaction survey after Connect resolves a case, through the deployed connect-events handler:
// the environment the CDK app writes, the recorded-shape events of test/fixtures/events/connect, the
// real case lifecycle on dynalite, the real twilio client against a local stand-in, Connect mocked.
import { randomUUID } from 'node:crypto';
import {
  ConnectClient,
  GetContactAttributesCommand,
  StartTaskContactCommand,
  StopContactCommand,
  UpdateContactRoutingDataCommand,
} from '@aws-sdk/client-connect';
import { SESClient } from '@aws-sdk/client-ses';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { CaseTaskItems } from '../../functions/adapters/dynamodb/case-task-items';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import { caseNumberFor } from '../../functions/domain/intake/case-number';
import { connectEventsHandler } from '../../functions/handlers/connect-events';
import { awsSecret } from '../../functions/shared/aws-secrets';
import { CaseMetrics } from '../../functions/shared/case-metrics';
import { wireConnectEvents } from '../../functions/wiring/connect-events';
import { connectEventsEnvironment } from '../../functions/wiring/connect-events-env';
import { connectContactCenter } from '../../functions/wiring/contact-center';
import { readContactCenterSettings } from '../../functions/wiring/shared-env';
import { aCase, aContact, aHandOff } from '../integration/builders';
import { healthySending, MESSENGERS, SENDING, SURVEY_LINKS } from '../support/aws-messengers';
import { connectEvent, FIXTURE_INSTANCE_ID } from '../support/connect-events';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { connectMock, lambdaEnv, TEST_QUEUES } from '../support/lambda-env';
import { createdMessage, startTwilioApiStandIn, type TwilioApiStandIn } from '../support/twilio-api-stand-in';

let db: Dynalite;
let twilio: TwilioApiStandIn;
let env: Record<string, string>;
let cases: DynamoCaseStore;
let handler: ReturnType<typeof connectEventsHandler>;
const connect = new ConnectClient({ region: 'eu-west-1' });

beforeAll(async () => {
  db = await startDynalite();
  twilio = await startTwilioApiStandIn();
  env = {
    ...lambdaEnv(db),
    ...connectEventsEnvironment({
      tableName: db.tables.main,
      connect: {
        instanceId: FIXTURE_INSTANCE_ID,
        taskFlowId: 'flow-task',
        queuesJson: JSON.stringify(TEST_QUEUES),
      },
      messengers: MESSENGERS,
      surveyLinks: SURVEY_LINKS,
    }),
    TWILIO_API_BASE: twilio.url,
  };
  cases = new DynamoCaseStore(db.documentClient, db.tables.main);
  const clients = {
    dynamo: db.documentClient,
    connect,
    ses: new SESClient({ region: 'eu-west-1' }),
    secret: awsSecret,
  };
  const metrics = new CaseMetrics(env);
  handler = connectEventsHandler(() => wireConnectEvents(env, metrics, clients), metrics);
});
afterAll(async () => {
  await twilio.close();
  await db.stop();
});
beforeEach(() => {
  healthySending();
  connectMock.reset();
  connectMock.on(UpdateContactRoutingDataCommand).resolves({});
  connectMock.on(StopContactCommand).resolves({});
  connectMock.on(GetContactAttributesCommand).resolves({ Attributes: {} });
  twilio.received.length = 0;
});

/** A waiting case of a guest who texted from a French mobile, whose hand-off started a Connect task. */
async function aTextedCaseWithATask() {
  // Before the recorded events' time (22 Nov 2026, 22:1x), as in connect-events-lambda.test.ts.
  const at = '2026-11-22T22:10:00.000Z';
  const kase = aCase({
    caseNumber: caseNumberFor(randomUUID(), 0),
    status: 'waiting',
    language: 'fr',
    queue: 'en-team',
    openedAt: at,
    updatedAt: at,
  });
  const contact = aContact({ caseNumber: kase.caseNumber, receivedAt: at });
  await cases.createCase(kase, contact.id);
  await cases.putContactOnce(contact);
  const contactId = randomUUID();
  connectMock.on(StartTaskContactCommand).resolves({ ContactId: contactId });
  const tasks = new CaseTaskItems(new TableClient(db.documentClient, db.tables.main));
  await connectContactCenter(readContactCenterSettings(env).connect, connect, tasks).handOff(
    aHandOff({ caseNumber: kase.caseNumber, queue: 'en-team' }),
  );
  return { kase, contactId };
}

const follow = (event: Record<string, unknown>) => handler(event, {} as Context);

describe('the survey after Connect resolves a case', () => {
  it('texts the guest one survey when the agent completes the task; the redelivered event sends nothing', async () => {
    // Prepare
    const { kase, contactId } = await aTextedCaseWithATask();
    twilio.answer(createdMessage('SM00000000000000000000000000000c01', '+33612345678', SENDING.smsFrom));
    await follow(connectEvent('CONNECTED_TO_AGENT', contactId));
    const completed = connectEvent('COMPLETED', contactId);

    // Act
    const first = await follow(completed);
    const redelivered = await follow(structuredClone(completed));

    // Assess
    expect(first).toMatchObject({ outcome: 'moved', detail: 'resolve' });
    expect(redelivered).toMatchObject({ outcome: 'duplicate' });
    expect(twilio.received).toHaveLength(1);
    const sms = Object.fromEntries(twilio.received[0]?.form ?? []);
    expect(sms).toMatchObject({
      To: '+33612345678',
      From: SENDING.smsFrom,
      StatusCallback: SENDING.statusCallbackUrl,
    });
    expect(sms.Body).toContain(kase.caseNumber);
    const stored = await cases.getCase(kase.caseNumber);
    expect(stored?.status).toBe('resolved');
    expect(stored?.survey).toMatchObject({ channel: 'sms', to: '+33612345678' });
  });

  it('resolves the case even when Twilio cannot take the survey', async () => {
    // Prepare
    const { kase, contactId } = await aTextedCaseWithATask();
    twilio.answer({ status: 503, body: { code: 20500, message: 'Service unavailable', status: 503 } });
    await follow(connectEvent('CONNECTED_TO_AGENT', contactId));

    // Act
    const result = await follow(connectEvent('COMPLETED', contactId));

    // Assess
    expect(result).toMatchObject({ outcome: 'moved', detail: 'resolve' });
    expect(twilio.received.length).toBeGreaterThan(0);
    expect((await cases.getCase(kase.caseNumber))?.status).toBe('resolved');
  });
});
