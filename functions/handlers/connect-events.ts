/**
 * Lambda, the target of an EventBridge rule on source `aws.connect`, detail-type `Amazon Connect
 * Contact Event`, for this deployment's instance: moves the case whose task the event is about
 * (adapters/connect/task-event-sync.ts). An event that is not a contact event at all fails, so
 * Lambda's retries and then the dead-letter queue keep it; unknown event types and contacts that are
 * not ours are answered and ignored.
 *
 * Environment: TABLE_NAME, CONNECT_INSTANCE_ID, CONNECT_TASK_FLOW_ID, CONNECT_QUEUES
 * (functions/wiring/shared-env.ts, readContactCenterSettings); POWERTOOLS_METRICS_NAMESPACE for the
 * case metrics (shared/case-metrics.ts).
 * IAM: DynamoDB read/write on the table (its indexes too); connect:GetContactAttributes and
 * connect:StopContact on the instance's contacts (a case resolved while its task waits is withdrawn);
 * connect:DescribeContact, connect:StartTaskContact (instance, contacts, contact flows) and
 * connect:UpdateContactRoutingData (a waiting case whose task ended unanswered gets a new one).
 */
import middy from '@middy/core';
import { parseContactEvent } from '../adapters/connect/contact-event';
import type { TaskEventDeps } from '../adapters/connect/task-event-sync';
import { followContactEvent, type TaskEventResult } from '../adapters/connect/task-event-sync';
import { CaseMetrics } from '../shared/case-metrics';
import { logger } from '../shared/logger';
import { publishMetrics } from '../shared/metrics';
import { caseTaskDeps } from '../wiring/case-tasks';
import { readContactCenterSettings } from '../wiring/shared-env';

/** Builds the handler around a deps factory, called once per cold start (tests pass their own). */
export function connectEventsHandler(
  makeDeps: (metrics: CaseMetrics) => TaskEventDeps,
  metrics = new CaseMetrics(),
) {
  let deps: TaskEventDeps | undefined;
  return middy(async (event: unknown): Promise<TaskEventResult> => {
    const parsed = parseContactEvent(event);
    deps ??= makeDeps(metrics);
    const result = await followContactEvent(deps, parsed);
    // Contact and case ids only: no personal data in a contact event.
    logger.info('connect contact event', {
      eventType: parsed.eventType,
      contactId: parsed.contactId,
      ...result,
    });
    return result;
  }).use(publishMetrics(metrics));
}

/** The deployed handler. */
export const handler = connectEventsHandler((metrics) =>
  caseTaskDeps(readContactCenterSettings(process.env), metrics),
);
