import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoRetentionStore } from '../functions/adapters/dynamodb/retention-items';
import { TableClient } from '../functions/adapters/dynamodb/table-client';
import { applyCaseAction } from '../functions/domain/cases/apply-action';
import { closeSettledCases, type RetentionRun } from '../functions/domain/cases/retention';
import { LOCAL_TABLES, type LocalApp } from './app';

// Cases looked at per beat: the local store is small, and the next beat takes the rest.
const BATCH = 100;

/**
 * The retention sweep on the runtime's beat, at the runtime's clock: closes cases resolved longer ago
 * than closeAfterDays and writes the TTL attribute on closed cases' items. dynalite never deletes by
 * TTL (it implements no UpdateTimeToLive and DescribeTimeToLive always answers DISABLED), so locally
 * the attribute records when AWS would delete them, and nothing disappears.
 */
export function localRetentionSweep(app: LocalApp): () => Promise<RetentionRun> {
  const documents = DynamoDBDocumentClient.from(app.dynamoClient, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const lifecycle = { cases: app.cases, center: app.queues, policy: app.policy };
  const deps = {
    retention: new DynamoRetentionStore(new TableClient(documents, LOCAL_TABLES.main)),
    policy: app.policy,
    closeCase: (caseNumber: string, at: Date) =>
      applyCaseAction(lifecycle, caseNumber, { type: 'close' }, 'system', at),
  };
  return () => closeSettledCases(deps, app.clock.now(), BATCH);
}
