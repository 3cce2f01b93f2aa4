/**
 * Lambda, on a schedule (EventBridge, every minute): hands the contacts whose hand-off failed (Amazon
 * Connect throttled or down) to Connect again, oldest first. Nothing waits for a person to notice.
 *
 * Environment (functions/wiring/handoff-retry-env.ts): TABLE_NAME, CONNECT_INSTANCE_ID,
 * CONNECT_TASK_FLOW_ID, CONNECT_QUEUES; HANDOFF_RETRY_BATCH (optional, default 100); POWERTOOLS_METRICS_NAMESPACE for the dashboard's metrics (shared/metrics.ts).
 * IAM: DynamoDB read/write on the table (the pending index included), connect:StartTaskContact,
 * connect:UpdateContactRoutingData and connect:UpdateContactAttributes on the instance.
 */
import middy from '@middy/core';
import { retryPendingHandOffs } from '../domain/intake/hand-off';
import { logger } from '../shared/logger';
import { ContactMetrics, observedCases, publishMetrics } from '../shared/metrics';
import { type HandoffRetryWiring, wireHandoffRetry } from '../wiring/handoff-retry';

/** What one run did. */
export interface RetryRun {
  readonly attempted: number;
  readonly delivered: number;
}

/** Builds the handler around a deps factory, called once per cold start (tests pass their own). */
export function handoffRetryHandler(makeDeps: () => HandoffRetryWiring, metrics = new ContactMetrics()) {
  let deps: HandoffRetryWiring | undefined;
  return middy(async (): Promise<RetryRun> => {
    deps ??= makeDeps();
    const run = await retryPendingHandOffs(
      deps.contactCenter,
      observedCases(deps.cases, metrics),
      deps.batch,
    );
    if (run.attempted > 0) logger.info('hand-off retry', { ...run });
    if (run.delivered < run.attempted)
      logger.warn('hand-offs still pending', { pending: run.attempted - run.delivered });
    return run;
  }).use(publishMetrics(metrics));
}

/** The deployed handler. */
export const handler = handoffRetryHandler(() => wireHandoffRetry());
