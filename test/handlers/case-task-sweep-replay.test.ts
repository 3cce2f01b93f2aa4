// A survey Twilio could not take when Connect resolved the case is sent by the next sweep, once: the
// deployed connect-events and case-task-sweep handlers on the environment the CDK app writes, the real
// case lifecycle and outbound ledger on dynalite, the real twilio client against a local stand-in.
import { randomUUID } from 'node:crypto';
import {
  ConnectClient,
  DescribeContactCommand,
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
import { caseTaskSweepHandler } from '../../functions/handlers/case-task-sweep';
import { connectEventsHandler } from '../../functions/handlers/connect-events';
import { awsSecret } from '../../functions/shared/aws-secrets';
import { CaseMetrics } from '../../functions/shared/case-metrics';
import { wireCaseTaskSweep } from '../../functions/wiring/case-task-sweep';
import { caseTaskSweepEnvironment } from '../../functions/wiring/case-task-sweep-env';
import { wireConnectEvents } from '../../functions/wiring/connect-events';
import { connectEventsEnvironment } from '../../functions/wiring/connect-events-env';
import { connectContactCenter } from '../../functions/wiring/contact-center';
import { messengerEnvironment } from '../../functions/wiring/messenger-env';
import { readContactCenterSettings } from '../../functions/wiring/shared-env';
import { surveyLinksEnvironment } from '../../functions/wiring/survey-env';
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
let follow: (event: Record<string, unknown>) => Promise<unknown>;
let sweep: () => Promise<unknown>;
const connect = new ConnectClient({ region: 'eu-west-1' });

beforeAll(async () => {
  db = await startDynalite();
  twilio = await startTwilioApiStandIn();
  const center = {
    tableName: db.tables.main,
    connect: {
      instanceId: FIXTURE_INSTANCE_ID,
      taskFlowId: 'flow-task',
      queuesJson: JSON.stringify(TEST_QUEUES),
    },
  };
  env = {
    ...lambdaEnv(db),
    ...connectEventsEnvironment({ ...center, messengers: MESSENGERS, surveyLinks: SURVEY_LINKS }),
    // What stacks/guest-messages.ts adds to the sweep's own contract.
    ...caseTaskSweepEnvironment(center),
    ...messengerEnvironment(MESSENGERS),
    ...surveyLinksEnvironment(SURVEY_LINKS),
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
  const events = connectEventsHandler(() => wireConnectEvents(env, metrics, clients), metrics);
  const sweeper = caseTaskSweepHandler(() => wireCaseTaskSweep(metrics, env, clients), metrics);
  follow = (event) => events(event, {} as Context);
  sweep = () => sweeper(undefined, {} as Context);
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
  connectMock.on(DescribeContactCommand).resolves({ Contact: {} });
  twilio.received.length = 0;
});

/** A case a guest texted about, resolved by its agent while Twilio answered 503 to the survey. */
async function aResolvedCaseWhoseSurveyFailed() {
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
  twilio.answer({ status: 503, body: { code: 20500, message: 'Service unavailable', status: 503 } });
  await follow(connectEvent('CONNECTED_TO_AGENT', contactId));
  await follow(connectEvent('COMPLETED', contactId));
  return kase;
}

describe('the sweep sends again what Twilio could not take', () => {
  it('texts the survey once Twilio is back, and never a second time', async () => {
    // Prepare
    const kase = await aResolvedCaseWhoseSurveyFailed();
    const failedTries = twilio.received.length;
    twilio.answer(createdMessage('SM00000000000000000000000000000d01', '+33612345678', SENDING.smsFrom));

    // Act
    const first = await sweep();
    const second = await sweep();

    // Assess
    expect(failedTries).toBeGreaterThan(0);
    expect(first).toMatchObject({ resent: 1 });
    expect(second).toMatchObject({ resent: 0 });
    const sent = twilio.received.slice(failedTries);
    expect(sent).toHaveLength(1);
    const sms = Object.fromEntries(sent[0]?.form ?? []);
    expect(sms).toMatchObject({ To: '+33612345678', From: SENDING.smsFrom });
    expect(sms.Body).toContain(kase.caseNumber);
  });
});
