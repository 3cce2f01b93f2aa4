/**
 * Lambda, on a schedule (EventBridge, every minute): hands the contacts whose hand-off failed (Amazon
 * Connect throttled or down) to Connect again, oldest first. Nothing waits for a person to notice.
 *
 * Environment: TABLE_NAME, CONNECT_INSTANCE_ID, CONNECT_TASK_FLOW_ID, CONNECT_QUEUES (see
 * shared/aws-intake.ts); HANDOFF_RETRY_BATCH (optional, default 100); POWERTOOLS_METRICS_NAMESPACE for the dashboard's metrics (shared/metrics.ts).
 * IAM: DynamoDB read/write on the table (the pending index included), connect:StartTaskContact,
 * connect:UpdateContactRoutingData and connect:UpdateContactAttributes on the instance.
 */
import middy from '@middy/core';
import { retryPendingHandOffs } from '../domain/intake/hand-off';
import { awsHandOffDeps, type HandOffDeps } from '../shared/aws-hand-off';
import { logger } from '../shared/logger';
import { ContactMetrics, observedCases, publishMetrics } from '../shared/metrics';

/** What one run did. */
export interface RetryRun {
  readonly attempted: number;
  readonly delivered: number;
}

/** Builds the handler around a deps factory, called once per cold start (tests pass their own). */
export function handoffRetryHandler(
  makeDeps: () => HandOffDeps,
  batch: number,
  metrics = new ContactMetrics(),
) {
  let deps: HandOffDeps | undefined;
  return middy(async (): Promise<RetryRun> => {
    deps ??= makeDeps();
    const run = await retryPendingHandOffs(deps.contactCenter, observedCases(deps.cases, metrics), batch);
    if (run.attempted > 0) logger.info('hand-off retry', { ...run });
    if (run.delivered < run.attempted)
      logger.warn('hand-offs still pending', { pending: run.attempted - run.delivered });
    return run;
  }).use(publishMetrics(metrics));
}

/** The deployed handler. */
export const handler = handoffRetryHandler(
  () => awsHandOffDeps(process.env),
  Number.parseInt(process.env.HANDOFF_RETRY_BATCH ?? '100', 10) || 100,
);
