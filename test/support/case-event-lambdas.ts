// The connect-events and case-task-sweep Lambdas as deployed, for the tests of what they send guests:
// the environment the CDK app writes, the real case lifecycle and outbound ledger on dynalite, the real
// twilio client against a local stand-in, Connect mocked at the SDK.
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
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { CaseTaskItems } from '../../functions/adapters/dynamodb/case-task-items';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import type { Case } from '../../functions/domain/case';
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
import { healthySending, MESSENGERS, SURVEY_LINKS } from './aws-messengers';
import { FIXTURE_INSTANCE_ID } from './connect-events';
import { type Dynalite, startDynalite } from './dynalite';
import { connectMock, lambdaEnv, TEST_QUEUES } from './lambda-env';
import { startTwilioApiStandIn, type TwilioApiStandIn } from './twilio-api-stand-in';

/** Both Lambdas over one table and one Twilio stand-in. */
export interface CaseEventLambdas {
  readonly db: Dynalite;
  readonly twilio: TwilioApiStandIn;
  readonly cases: DynamoCaseStore;
  /** The connect-events handler given one EventBridge event. */
  follow(event: Record<string, unknown>): Promise<unknown>;
  /** One scheduled run of the case-task sweep. */
  sweep(): Promise<unknown>;
  /** Healthy senders, Connect answering every call the two make, nothing received yet: per test. */
  reset(): void;
  /** A waiting case of a guest who texted from a French mobile, whose hand-off started a Connect task. */
  aTextedCaseWithATask(): Promise<{ kase: Case; contactId: string }>;
  close(): Promise<void>;
}

/** Starts dynalite and the Twilio stand-in and builds both handlers from the written environment. */
export async function startCaseEventLambdas(): Promise<CaseEventLambdas> {
  const db = await startDynalite();
  const twilio = await startTwilioApiStandIn();
  const connect = new ConnectClient({ region: 'eu-west-1' });
  const center = {
    tableName: db.tables.main,
    connect: {
      instanceId: FIXTURE_INSTANCE_ID,
      taskFlowId: 'flow-task',
      queuesJson: JSON.stringify(TEST_QUEUES),
    },
  };
  const env: Record<string, string> = {
    ...lambdaEnv(db),
    ...connectEventsEnvironment({ ...center, messengers: MESSENGERS, surveyLinks: SURVEY_LINKS }),
    // What stacks/guest-messages.ts adds to the sweep's own contract.
    ...caseTaskSweepEnvironment(center),
    ...messengerEnvironment(MESSENGERS),
    ...surveyLinksEnvironment(SURVEY_LINKS),
    TWILIO_API_BASE: twilio.url,
  };
  const cases = new DynamoCaseStore(db.documentClient, db.tables.main);
  const clients = {
    dynamo: db.documentClient,
    connect,
    ses: new SESClient({ region: 'eu-west-1' }),
    secret: awsSecret,
  };
  const metrics = new CaseMetrics(env);
  const events = connectEventsHandler(() => wireConnectEvents(env, metrics, clients), metrics);
  const sweeper = caseTaskSweepHandler(() => wireCaseTaskSweep(metrics, env, clients), metrics);
  return {
    db,
    twilio,
    cases,
    follow: (event) => events(event, {} as Context),
    sweep: () => sweeper(undefined, {} as Context),
    reset() {
      healthySending();
      connectMock.reset();
      connectMock.on(UpdateContactRoutingDataCommand).resolves({});
      connectMock.on(StopContactCommand).resolves({});
      connectMock.on(GetContactAttributesCommand).resolves({ Attributes: {} });
      connectMock.on(DescribeContactCommand).resolves({ Contact: {} });
      twilio.received.length = 0;
    },
    async aTextedCaseWithATask() {
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
    },
    async close() {
      await twilio.close();
      await db.stop();
    },
  };
}
