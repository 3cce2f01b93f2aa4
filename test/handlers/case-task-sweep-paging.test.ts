// The sweep reads every open task across runs, more than a page of them, within its time budget: real
// task items on dynalite (one table per test, so only this test's tasks are open), Connect mocked at the SDK.
import { randomUUID } from 'node:crypto';
import {
  ConnectClient,
  DescribeContactCommand,
  GetContactAttributesCommand,
  StartTaskContactCommand,
  UpdateContactRoutingDataCommand,
} from '@aws-sdk/client-connect';
import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { CaseTaskItems } from '../../functions/adapters/dynamodb/case-task-items';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import { caseTaskSweepHandler, type SweepRun } from '../../functions/handlers/case-task-sweep';
import { CaseMetrics } from '../../functions/shared/case-metrics';
import { caseTaskDeps } from '../../functions/wiring/case-tasks';
import { connectContactCenter } from '../../functions/wiring/contact-center';
import { readContactCenterSettings } from '../../functions/wiring/shared-env';
import { aCase, aHandOff } from '../integration/builders';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { connectMock, lambdaEnv } from '../support/lambda-env';

const MINUTE = 60_000;
const PAGE = 3;
const TASKS = 8;
let db: Dynalite;
let env: Record<string, string>;
const client = new ConnectClient({ region: 'eu-west-1' });
// The budget's clock: each Connect call below costs one "second" of it.
let clockMs = 0;

beforeEach(async () => {
  db = await startDynalite();
  env = lambdaEnv(db);
  clockMs = 0;
  connectMock.reset();
  connectMock.on(GetContactAttributesCommand).resolves({ Attributes: {} });
});
afterEach(async () => db.stop());

/** `count` waiting cases whose tasks were handed to Connect at `handedAt`, due long ago (all late). */
async function waitingTasks(count: number, handedAt: Date): Promise<string[]> {
  const cases = new DynamoCaseStore(db.documentClient, db.tables.main);
  const tasks = new CaseTaskItems(new TableClient(db.documentClient, db.tables.main));
  const center = connectContactCenter(readContactCenterSettings(env).connect, client, tasks);
  const contactIds: string[] = [];
  connectMock.on(UpdateContactRoutingDataCommand).resolves({});
  for (let i = 0; i < count; i++) {
    const opened = new Date(handedAt.getTime() - MINUTE).toISOString();
    const due = new Date(handedAt.getTime() - 120 * MINUTE).toISOString();
    const kase = aCase({
      status: 'waiting',
      queue: 'en-team',
      priority: 4,
      openedAt: opened,
      updatedAt: opened,
    });
    await cases.createCase({ ...kase, firstResponseDueAt: due }, `sms:${kase.caseNumber}`);
    const contactId = randomUUID();
    connectMock.on(StartTaskContactCommand).resolves({ ContactId: contactId });
    await center.handOff(aHandOff({ caseNumber: kase.caseNumber, queue: 'en-team', priority: 4 }));
    // Staggered: task i was last heard of i seconds after the first.
    await tasks.update(kase.caseNumber, contactId, {
      stateAt: new Date(handedAt.getTime() + i * 1000).toISOString(),
    });
    contactIds.push(contactId);
  }
  connectMock.reset();
  connectMock.on(GetContactAttributesCommand).resolves({ Attributes: {} });
  return contactIds;
}

function sweep(now: Date, budgetMs: number): Promise<SweepRun> {
  const metrics = new CaseMetrics(env);
  const handler = caseTaskSweepHandler(
    () => ({
      deps: caseTaskDeps(readContactCenterSettings(env), metrics, {
        dynamo: db.documentClient,
        connect: client,
      }),
      settings: { staleMinutes: 30, batch: PAGE, budgetMs, now: () => now, clockMs: () => clockMs },
    }),
    metrics,
  );
  // Without `{"task":"close-settled"}` the handler runs the task sweep.
  return handler(undefined, {} as Context) as Promise<SweepRun>;
}

const asked = () => connectMock.commandCalls(DescribeContactCommand).map((c) => c.args[0].input.ContactId);
const routed = () =>
  connectMock
    .commandCalls(UpdateContactRoutingDataCommand)
    .filter((c) => c.args[0].input.QueuePriority !== undefined)
    .map((c) => c.args[0].input.ContactId);

describe('case-task sweep paging', () => {
  it('reconciles every stale task in one run when the budget allows, more than a page of them', async () => {
    // Prepare
    const now = new Date();
    const ids = await waitingTasks(TASKS, new Date(now.getTime() - 60 * MINUTE));
    connectMock.on(DescribeContactCommand).resolves({ Contact: {} });
    connectMock.on(UpdateContactRoutingDataCommand).resolves({});
    // Act
    const run = await sweep(now, 40_000);
    // Assess
    expect(new Set(asked())).toEqual(new Set(ids));
    expect(asked()).toHaveLength(TASKS);
    expect(run.reconciled).toBe(TASKS);
  });

  it('goes on where the last run stopped when the budget runs out, so no stale task waits for ever', async () => {
    // Prepare: each DescribeContact costs a second; reconciliation gets half of 6 s, i.e. one page.
    const now = new Date();
    const ids = await waitingTasks(TASKS, new Date(now.getTime() - 60 * MINUTE));
    connectMock.on(DescribeContactCommand).callsFake(() => {
      clockMs += 1000;
      return { Contact: {} };
    });
    connectMock.on(UpdateContactRoutingDataCommand).resolves({});
    // Act: three runs a minute apart
    const perRun: string[][] = [];
    for (let run = 0; run < 3; run++) {
      const before = asked().length;
      clockMs = 0;
      await sweep(new Date(now.getTime() + run * MINUTE), 6_000);
      perRun.push(asked().slice(before) as string[]);
    }
    // Assess: a page per run, oldest first, each task once, all of them after three runs
    expect(perRun.map((r) => r.length)).toEqual([PAGE, PAGE, TASKS - 2 * PAGE]);
    expect(perRun.flat()).toEqual(ids);
  });

  it('escalates every waiting task across runs, resuming after the last page it read', async () => {
    // Prepare: each routing update costs a second; escalation gets what reconciliation leaves of 4 s
    const now = new Date();
    const ids = await waitingTasks(TASKS, new Date(now.getTime() - 5 * MINUTE));
    connectMock.on(DescribeContactCommand).resolves({ Contact: {} });
    connectMock.on(UpdateContactRoutingDataCommand).callsFake(() => {
      clockMs += 500;
      return {};
    });
    // Act: runs until every task got its escalated priority, at most five
    const runs: number[] = [];
    for (let run = 0; run < 5 && new Set(routed()).size < TASKS; run++) {
      const before = routed().length;
      clockMs = 0;
      await sweep(now, 4_000);
      runs.push(routed().length - before);
    }
    // Assess: more than one run was needed, each task was raised exactly once
    expect(runs.length).toBeGreaterThan(1);
    expect(routed().sort()).toEqual([...ids].sort());
  });
});
