// The Connect event Lambda as deployed: real case lifecycle and task items on dynalite, Connect mocked at
// the SDK, the recorded-shape events of test/fixtures/events/connect, metrics read from stdout.
import { randomUUID } from 'node:crypto';
import {
  ConnectClient,
  DescribeContactCommand,
  GetContactAttributesCommand,
  StartTaskContactCommand,
  StopContactCommand,
  UpdateContactRoutingDataCommand,
} from '@aws-sdk/client-connect';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { CaseTaskItems } from '../../functions/adapters/dynamodb/case-task-items';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import { connectEventsHandler } from '../../functions/handlers/connect-events';
import { CaseMetrics } from '../../functions/shared/case-metrics';
import { caseTaskDeps } from '../../functions/wiring/case-tasks';
import { connectContactCenter } from '../../functions/wiring/contact-center';
import { readContactCenterSettings } from '../../functions/wiring/shared-env';
import { aCase, aHandOff } from '../integration/builders';
import { connectEvent, FIXTURE_AGENT_ID, FIXTURE_INSTANCE_ID } from '../support/connect-events';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { type Emf, emfOf } from '../support/emf';
import { connectMock, lambdaEnv } from '../support/lambda-env';

let db: Dynalite;
let env: Record<string, string>;
let cases: DynamoCaseStore;

beforeAll(async () => {
  db = await startDynalite();
  env = lambdaEnv(db, {
    CONNECT_INSTANCE_ID: FIXTURE_INSTANCE_ID,
    POWERTOOLS_METRICS_NAMESPACE: 'ContactRouter/test',
  });
  cases = new DynamoCaseStore(db.documentClient, db.tables.main);
});
afterAll(async () => db.stop());
beforeEach(() => {
  connectMock.reset();
  connectMock.on(UpdateContactRoutingDataCommand).resolves({});
  connectMock.on(StopContactCommand).resolves({});
  connectMock.on(GetContactAttributesCommand).resolves({ Attributes: {} });
});

/** A waiting case opened at 22:10 whose hand-off started a Connect task; the handler that follows it. */
async function aCaseWithATask() {
  const kase = aCase({
    status: 'waiting',
    queue: 'en-team',
    openedAt: '2026-11-22T22:10:00.000Z',
    updatedAt: '2026-11-22T22:10:00.000Z',
  });
  await cases.createCase(kase, `sms:${kase.caseNumber}`);
  const contactId = randomUUID();
  connectMock.on(StartTaskContactCommand).resolves({ ContactId: contactId });
  const client = new ConnectClient({ region: 'eu-west-1' });
  const tasks = new CaseTaskItems(new TableClient(db.documentClient, db.tables.main));
  await connectContactCenter(readContactCenterSettings(env).connect, client, tasks).handOff(
    aHandOff({ caseNumber: kase.caseNumber, queue: 'en-team' }),
  );
  const metrics = new CaseMetrics(env);
  const handler = connectEventsHandler(
    () =>
      caseTaskDeps(readContactCenterSettings(env), metrics, { dynamo: db.documentClient, connect: client }),
    metrics,
  );
  const follow = (type: Parameters<typeof connectEvent>[0]) =>
    handler(connectEvent(type, contactId), {} as Context);
  // COMPLETED of a task no agent ever had (Connect expired it after 7 days, or the flow stopped it):
  // the event carries no agentInfo (contact-events.html: without ACW, COMPLETED follows DISCONNECTED
  // with the same data).
  const endUnanswered = (taskContactId: string) => {
    const event = connectEvent('COMPLETED', contactId);
    const { agentInfo: _none, ...detail } = event.detail as Record<string, unknown>;
    const about = JSON.parse(JSON.stringify({ ...event, detail }).replaceAll(contactId, taskContactId));
    return handler(about, {} as Context);
  };
  return { kase, contactId, follow, endUnanswered, tasks };
}

/** The all-queues EMF line of each sample printed while `act` runs, as metric name → values. */
async function metricValues(act: () => Promise<unknown>): Promise<Map<string, number[]>> {
  const { lines } = await emfOf(act);
  const values = new Map<string, number[]>();
  for (const line of lines) {
    const emf = JSON.parse(line) as Emf;
    const set = emf._aws.CloudWatchMetrics[0];
    if (set?.Dimensions[0]?.length !== 0) continue;
    for (const m of set.Metrics) values.set(m.Name, [...(values.get(m.Name) ?? []), Number(emf[m.Name])]);
  }
  return values;
}

describe('connect-events Lambda', () => {
  it('takes the case when Connect connects the agent, then resolves it when the task completes', async () => {
    // Prepare
    const t = await aCaseWithATask();
    // Act
    const connected = await metricValues(() => t.follow('CONNECTED_TO_AGENT'));
    await t.follow('DISCONNECTED');
    const completed = await metricValues(() => t.follow('COMPLETED'));
    // Assess
    const stored = await cases.getCase(t.kase.caseNumber);
    expect(stored).toMatchObject({
      status: 'resolved',
      agentId: FIXTURE_AGENT_ID,
      firstResponseAt: '2026-11-22T22:14:41.000Z',
      resolvedAt: '2026-11-22T22:33:52.000Z',
    });
    expect(connected.get('FirstResponseMinutes')?.[0]).toBeCloseTo(4.68, 2);
    expect(completed.get('ResolutionMinutes')?.[0]).toBeCloseTo(23.87, 2);
    expect(completed.get('ResolvedCases')).toEqual([1]);
    expect(completed.get('ReopenedResolutions')).toEqual([0]);
    // The task is the agent's and already over: nothing to stop.
    expect(connectMock.commandCalls(StopContactCommand)).toHaveLength(0);
  });

  it('leaves the case pending the guest when the agent set caseOutcome on the task', async () => {
    const t = await aCaseWithATask();
    connectMock
      .on(GetContactAttributesCommand, { InitialContactId: t.contactId })
      .resolves({ Attributes: { caseOutcome: 'pending_guest' } });
    await t.follow('CONNECTED_TO_AGENT');
    await t.follow('COMPLETED');
    expect(await cases.getCase(t.kase.caseNumber)).toMatchObject({ status: 'pending_guest' });
    expect(connectMock).toHaveReceivedCommandWith(GetContactAttributesCommand, {
      InstanceId: FIXTURE_INSTANCE_ID,
      InitialContactId: t.contactId,
    });
  });

  it('fails an event that is not a Connect contact event, so it reaches the dead-letter queue', async () => {
    const t = await aCaseWithATask();
    const handler = connectEventsHandler(() => {
      throw new Error('deps are not needed to refuse it');
    });
    await expect(
      handler({ source: 'aws.s3', 'detail-type': 'Object Created' }, {} as Context),
    ).rejects.toThrow(/not an Amazon Connect contact event/);
    expect(await cases.getCase(t.kase.caseNumber)).toMatchObject({ status: 'waiting' });
  });

  it('gives a waiting case a new related task when its task ends without an agent', async () => {
    // Prepare
    const t = await aCaseWithATask();
    connectMock
      .on(DescribeContactCommand, { ContactId: t.contactId })
      .resolves({ Contact: { Id: t.contactId, Name: 'CR · change_booking · en', Description: 'Summary' } });
    connectMock.on(GetContactAttributesCommand, { InitialContactId: t.contactId }).resolves({
      Attributes: {
        caseNumber: t.kase.caseNumber,
        queueId: 'q-en',
        caseOutcome: 'resolved',
        handoff: 'refused',
      },
    });
    const next = randomUUID();
    connectMock.on(StartTaskContactCommand).resolves({ ContactId: next });
    // Act
    const result = await t.endUnanswered(t.contactId);
    // Assess
    expect(result).toEqual({
      outcome: 'requeued',
      caseNumber: t.kase.caseNumber,
      detail: `new task ${next}`,
    });
    expect(connectMock).toHaveReceivedCommandWith(StartTaskContactCommand, {
      RelatedContactId: t.contactId,
      Name: 'CR · change_booking · en',
      Description: 'Summary',
      ClientToken: `${t.kase.caseNumber}#2`,
    });
    // The previous task's attributes without what was said about that task (outcome, flow refusal),
    // and what the flow routes by from the case as it is now.
    expect(connectMock.commandCalls(StartTaskContactCommand).at(-1)?.args[0].input.Attributes).toEqual({
      caseNumber: t.kase.caseNumber,
      queueId: 'q-en',
      queueArn: 'arn:aws:connect:eu-west-1:111122223333:instance/i-1/queue/q-en',
      priority: String(t.kase.priority),
      language: t.kase.language,
      topic: t.kase.topic,
      contactCount: String(t.kase.contactCount),
    });
    expect(await t.tasks.get(t.kase.caseNumber)).toMatchObject({
      contactId: next,
      generation: 2,
      state: 'queued',
      unansweredBefore: 1,
    });
    expect(await cases.getCase(t.kase.caseNumber)).toMatchObject({ status: 'waiting' });
  });

  it('flags the case for a supervisor instead of a fourth task when three end unanswered in a row', async () => {
    // Prepare
    const t = await aCaseWithATask();
    connectMock.on(DescribeContactCommand).resolves({ Contact: {} });
    const [second, third] = [randomUUID(), randomUUID()];
    connectMock.on(StartTaskContactCommand).resolves({ ContactId: second });
    await t.endUnanswered(t.contactId);
    connectMock.on(StartTaskContactCommand).resolves({ ContactId: third });
    await t.endUnanswered(second);
    // Act
    const flagged = await t.endUnanswered(third);
    // Assess
    expect(flagged).toMatchObject({ outcome: 'flagged', detail: '3 tasks in a row ended without an agent' });
    expect(connectMock.commandCalls(StartTaskContactCommand)).toHaveLength(3);
    const stored = await cases.getCase(t.kase.caseNumber);
    expect(stored?.status).toBe('waiting');
    expect(stored?.timeline.at(-1)).toMatchObject({
      type: 'flagged',
      by: 'system',
      note: '3 tasks in a row ended without an agent',
    });
    expect(await t.tasks.get(t.kase.caseNumber)).toMatchObject({ contactId: third, state: 'ended' });
    // No task carries it any more: the supervisors' list is where it is seen.
    const listed = await cases.listFlaggedCases(200);
    expect(listed.find((c) => c.caseNumber === t.kase.caseNumber)?.flagged).toMatchObject({
      reason: '3 tasks in a row ended without an agent',
    });
  });
});
