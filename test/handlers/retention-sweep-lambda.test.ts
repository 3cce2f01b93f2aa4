// The case sweep Lambda's hourly retention run as deployed: the real stores on dynalite, Connect mocked.
import { ConnectClient } from '@aws-sdk/client-connect';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { caseKey } from '../../functions/adapters/dynamodb/keys';
import { caseTaskSweepHandler } from '../../functions/handlers/case-task-sweep';
import { CaseMetrics } from '../../functions/shared/case-metrics';
import { caseTaskDeps } from '../../functions/wiring/case-tasks';
import { readContactCenterSettings } from '../../functions/wiring/shared-env';
import { aCase } from '../integration/builders';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { lambdaEnv } from '../support/lambda-env';

const DAY = 86_400_000;
let db: Dynalite;
let env: Record<string, string>;

beforeAll(async () => {
  db = await startDynalite();
  env = lambdaEnv(db);
});
afterAll(async () => db.stop());

describe('case sweep Lambda, retention task', () => {
  it('closes a case resolved 20 days ago and sets it to expire when invoked with {"task":"close-settled"}', async () => {
    // Prepare
    const now = new Date();
    const resolvedAt = new Date(now.getTime() - 20 * DAY).toISOString();
    const kase = aCase({ status: 'resolved', openedAt: resolvedAt, updatedAt: resolvedAt, resolvedAt });
    const cases = new DynamoCaseStore(db.documentClient, db.tables.main);
    await cases.createCase(kase, `origin-${kase.caseNumber}`);
    const metrics = new CaseMetrics(env);
    const handler = caseTaskSweepHandler(
      () => ({
        deps: caseTaskDeps(readContactCenterSettings(env), metrics, {
          dynamo: db.documentClient,
          connect: new ConnectClient({}),
        }),
        settings: { staleMinutes: 30, batch: 200, budgetMs: 40_000, now: () => now },
      }),
      metrics,
    );
    // Act
    const run = await handler({ task: 'close-settled' }, {} as Context);
    // Assess
    expect(run).toMatchObject({ closed: 1, expiring: 1 });
    expect(await cases.getCase(kase.caseNumber)).toMatchObject({ status: 'closed' });
    const item = await db.documentClient.send(
      new GetCommand({ TableName: db.tables.main, Key: caseKey(kase.caseNumber) }),
    );
    expect(item.Item?.ttl).toBe(Math.floor((now.getTime() + 365 * DAY) / 1000));
  });
});
