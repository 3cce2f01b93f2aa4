// The scheduled sweep as deployed: real case lifecycle and task items on dynalite, Connect mocked at the
// SDK. Reconciliation stands in for contact events that never arrived; escalation keeps Connect's order.
import { randomUUID } from 'node:crypto';
import {
  ConnectClient,
  DescribeContactCommand,
  GetContactAttributesCommand,
  StartTaskContactCommand,
  UpdateContactRoutingDataCommand,
} from '@aws-sdk/client-connect';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { CaseTaskItems } from '../../functions/adapters/dynamodb/case-task-items';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import type { Case } from '../../functions/domain/case';
import { caseTaskSweepHandler } from '../../functions/handlers/case-task-sweep';
import { CaseMetrics } from '../../functions/shared/case-metrics';
import { caseTaskDeps } from '../../functions/wiring/case-tasks';
import { connectContactCenter } from '../../functions/wiring/contact-center';
import { readContactCenterSettings } from '../../functions/wiring/shared-env';
import { aCase, aHandOff } from '../integration/builders';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { connectMock, lambdaEnv } from '../support/lambda-env';

const MINUTE = 60_000;
let db: Dynalite;
let env: Record<string, string>;
let cases: DynamoCaseStore;
const client = new ConnectClient({ region: 'eu-west-1' });

beforeAll(async () => {
  db = await startDynalite();
  env = lambdaEnv(db);
  cases = new DynamoCaseStore(db.documentClient, db.tables.main);
});
afterAll(async () => db.stop());
beforeEach(() => {
  connectMock.reset();
  connectMock.on(UpdateContactRoutingDataCommand).resolves({});
  connectMock.on(GetContactAttributesCommand).resolves({ Attributes: {} });
});

/** A waiting case handed to Connect at `handedAt`: its task is queued. */
async function aWaitingCase(handedAt: Date, overrides: Partial<Case> = {}) {
  const opened = new Date(handedAt.getTime() - MINUTE).toISOString();
  const kase = aCase({
    status: 'waiting',
    queue: 'en-team',
    openedAt: opened,
    updatedAt: opened,
    ...overrides,
  });
  await cases.createCase(kase, `sms:${kase.caseNumber}`);
  const contactId = randomUUID();
  connectMock.on(StartTaskContactCommand).resolves({ ContactId: contactId });
  const tasks = new CaseTaskItems(new TableClient(db.documentClient, db.tables.main));
  const center = connectContactCenter(readContactCenterSettings(env).connect, client, tasks);
  await center.handOff(aHandOff({ caseNumber: kase.caseNumber, queue: 'en-team', priority: kase.priority }));
  await tasks.update(kase.caseNumber, contactId, { stateAt: handedAt.toISOString() });
  return { kase, contactId, tasks };
}

function sweepAt(now: Date) {
  const metrics = new CaseMetrics(env);
  const handler = caseTaskSweepHandler(
    () => ({
      deps: caseTaskDeps(readContactCenterSettings(env), metrics, {
        dynamo: db.documentClient,
        connect: client,
      }),
      settings: { staleMinutes: 30, batch: 200, budgetMs: 40_000, now: () => now },
    }),
    metrics,
  );
  return handler(undefined, {} as Context);
}

describe('case-task sweep Lambda', () => {
  it('moves a case whose contact events never arrived, as DescribeContact tells', async () => {
    // Prepare: handed off 40 minutes ago; Connect says an agent took it and finished
    const handed = new Date(Date.now() - 40 * MINUTE);
    const t = await aWaitingCase(handed);
    const connectedAt = new Date(handed.getTime() + 5 * MINUTE);
    const disconnectedAt = new Date(handed.getTime() + 20 * MINUTE);
    connectMock.on(DescribeContactCommand, { ContactId: t.contactId }).resolves({
      Contact: {
        Id: t.contactId,
        DisconnectTimestamp: disconnectedAt,
        AgentInfo: {
          Id: 'agent-7',
          ConnectedToAgentTimestamp: connectedAt,
          AfterContactWorkEndTimestamp: disconnectedAt,
        },
      },
    });
    // Act
    await sweepAt(new Date());
    // Assess
    expect(await cases.getCase(t.kase.caseNumber)).toMatchObject({
      status: 'resolved',
      agentId: 'agent-7',
      firstResponseAt: connectedAt.toISOString(),
      resolvedAt: disconnectedAt.toISOString(),
    });
    expect(await t.tasks.get(t.kase.caseNumber)).toMatchObject({ state: 'ended' });
  });

  it('does not ask Connect about a task whose state it learned recently', async () => {
    const t = await aWaitingCase(new Date(Date.now() - 5 * MINUTE));
    connectMock.on(DescribeContactCommand).resolves({ Contact: {} });
    await sweepAt(new Date());
    expect(
      connectMock
        .commandCalls(DescribeContactCommand)
        .filter((c) => c.args[0].input.ContactId === t.contactId),
    ).toHaveLength(0);
  });

  it('raises a late waiting task one priority step per escalation interval, and sends its routing age once', async () => {
    // Prepare: priority 3, first response due 65 minutes ago (two 30-minute steps past it)
    const now = new Date();
    const due = new Date(now.getTime() - 65 * MINUTE).toISOString();
    const t = await aWaitingCase(new Date(now.getTime() - 2 * MINUTE), {
      priority: 3,
      firstResponseDueAt: due,
    });
    connectMock.on(DescribeContactCommand).resolves({ Contact: {} });
    // Act
    await sweepAt(now);
    await sweepAt(new Date(now.getTime() + MINUTE));
    // Assess
    const sent = connectMock
      .commandCalls(UpdateContactRoutingDataCommand)
      .map((c) => c.args[0].input)
      .filter((input) => input.ContactId === t.contactId);
    const task = await t.tasks.get(t.kase.caseNumber);
    const expectedAge = Math.round((Date.parse(task?.enqueuedAt ?? '') - Date.parse(due)) / 1000);
    expect(sent).toEqual([
      { InstanceId: 'i-1', ContactId: t.contactId, QueuePriority: 3 },
      { InstanceId: 'i-1', ContactId: t.contactId, QueuePriority: 1 },
      { InstanceId: 'i-1', ContactId: t.contactId, QueueTimeAdjustmentSeconds: expectedAge },
    ]);
    expect(await cases.getCase(t.kase.caseNumber)).toMatchObject({ priority: 3, status: 'waiting' });
  });
});
