// Published and recorded Amazon Connect contact events, as they are, through the deployed handler: the
// admin guide's sample (test/fixtures/events/connect, PROVENANCE.md) and a DISCONNECTED event recorded
// from a real instance (../shared/fixtures/events, read in place, never copied). Real task items and
// case lifecycle on dynalite (a table per test: the samples' contact ids are fixed); Connect mocked.
import { readFileSync } from 'node:fs';
import {
  ConnectClient,
  GetContactAttributesCommand,
  StartTaskContactCommand,
  UpdateContactRoutingDataCommand,
} from '@aws-sdk/client-connect';
import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseContactEvent } from '../../functions/adapters/connect/contact-event';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { CaseTaskItems } from '../../functions/adapters/dynamodb/case-task-items';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import { connectEventsHandler } from '../../functions/handlers/connect-events';
import { CaseMetrics } from '../../functions/shared/case-metrics';
import { caseTaskDeps } from '../../functions/wiring/case-tasks';
import { connectContactCenter } from '../../functions/wiring/contact-center';
import { readContactCenterSettings } from '../../functions/wiring/shared-env';
import { aCase, aHandOff } from '../integration/builders';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { connectMock, lambdaEnv } from '../support/lambda-env';

const GUIDE_SAMPLE = new URL(
  '../fixtures/events/connect/awsdocs-admin-guide-voice-connected-to-agent.json',
  import.meta.url,
);
const RECORDED_DISCONNECTED = `${process.env.FIXTURES_DIR ?? '../shared/fixtures'}/events/scvlambdas-utils.test-L4-23-disconnected.json`;
const readJson = (path: string | URL) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

let db: Dynalite;
beforeEach(async () => {
  db = await startDynalite();
  connectMock.reset();
  connectMock.on(UpdateContactRoutingDataCommand).resolves({});
  connectMock.on(GetContactAttributesCommand).resolves({ Attributes: {} });
});
afterEach(async () => db.stop());

/** A waiting case whose Connect task is `contactId` on `instanceId`, and the handler for that instance. */
async function aTaskOn(instanceId: string, contactId: string) {
  const env = lambdaEnv(db, { CONNECT_INSTANCE_ID: instanceId });
  const cases = new DynamoCaseStore(db.documentClient, db.tables.main);
  const kase = aCase({
    status: 'waiting',
    queue: 'en-team',
    openedAt: '2021-05-01T18:00:00.000Z',
    updatedAt: '2021-05-01T18:00:00.000Z',
  });
  await cases.createCase(kase, `sms:${kase.caseNumber}`);
  const client = new ConnectClient({ region: 'eu-west-1' });
  const tasks = new CaseTaskItems(new TableClient(db.documentClient, db.tables.main));
  connectMock.on(StartTaskContactCommand).resolves({ ContactId: contactId });
  await connectContactCenter(readContactCenterSettings(env).connect, client, tasks).handOff(
    aHandOff({ caseNumber: kase.caseNumber, queue: 'en-team' }),
  );
  const metrics = new CaseMetrics(env);
  const handler = connectEventsHandler(
    () =>
      caseTaskDeps(readContactCenterSettings(env), metrics, { dynamo: db.documentClient, connect: client }),
    metrics,
  );
  return { kase, cases, tasks, follow: (event: unknown) => handler(event, {} as Context) };
}

describe('Connect contact events as published and recorded', () => {
  it('reads the admin guide’s sample with its mixed key spelling (instanceARN, AgentInfo.AgentArn)', () => {
    expect(parseContactEvent(readJson(GUIDE_SAMPLE))).toEqual({
      eventId: 'abcabcab-abca-abca-abca-abcabcabcabc',
      time: '2021-05-01T18:43:48.000Z',
      eventType: 'CONNECTED_TO_AGENT',
      contactId: '11111111-1111-1111-1111-111111111111',
      channel: 'Voice',
      instanceArn: 'arn:aws:connect:us-west-2:123456789012:instance/12345678-1234-1234-1234-123456789012',
      agentArn: 'arn',
    });
  });

  it('puts the case with the agent the guide’s sample names, unchanged', async () => {
    // Prepare: our task is the sample's contact on the sample's instance
    const t = await aTaskOn('12345678-1234-1234-1234-123456789012', '11111111-1111-1111-1111-111111111111');
    // Act
    const result = await t.follow(readJson(GUIDE_SAMPLE));
    // Assess: the sample's agent ARN is the placeholder "arn", which names the agent as it is
    expect(result).toEqual({ outcome: 'moved', caseNumber: t.kase.caseNumber, detail: 'connect' });
    expect(await t.cases.getCase(t.kase.caseNumber)).toMatchObject({
      status: 'with_agent',
      agentId: 'arn',
      firstResponseAt: '2021-05-01T18:43:48.000Z',
    });
  });

  it('follows a recorded DISCONNECTED without queueInfo or agentInfo, waiting for COMPLETED', async () => {
    // Prepare
    const recorded = readJson(RECORDED_DISCONNECTED);
    const t = await aTaskOn('f75946c0-bc38-4252-8174-468f6ac2543d', '58092a11-6075-4025-a57d-6ada88b26d5b');
    // Act
    const result = await t.follow(recorded);
    // Assess
    expect(result).toEqual({ outcome: 'recorded', caseNumber: t.kase.caseNumber });
    expect(await t.tasks.get(t.kase.caseNumber)).toMatchObject({
      state: 'disconnected',
      stateAt: '2021-08-29T18:39:44.000Z',
    });
    expect(await t.cases.getCase(t.kase.caseNumber)).toMatchObject({ status: 'waiting' });
  });

  it('ignores the recorded event on any other instance', async () => {
    const t = await aTaskOn('12345678-1234-1234-1234-123456789012', '58092a11-6075-4025-a57d-6ada88b26d5b');
    expect(await t.follow(readJson(RECORDED_DISCONNECTED))).toEqual({
      outcome: 'ignored',
      why: 'another instance',
    });
  });
});
