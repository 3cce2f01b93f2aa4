/**
 * Lambda, on a schedule (EventBridge, every minute): reconciles the Connect tasks whose state no
 * contact event told us about for TASK_STALE_MINUTES (DescribeContact; events are best effort), then
 * escalates waiting tasks (UpdateContactRoutingData: QueuePriority per the escalation policy, the
 * routing-age adjustment once per task and due time). See adapters/connect/task-sweep.ts. A case it
 * resolves gets the satisfaction survey; then, with time left, the incident notices due at the policy's
 * incidents.notificationsPerMinute and the resolution messages a resolve left untold
 * (domain/incidents/resolve.ts, sendDueIncidentMessages); last, with time left, replies and surveys
 * whose send failed (Twilio or SES down) are sent again, once each (domain/outbound/replay.ts).
 *
 * Invoked with `{"task":"close-settled"}` (EventBridge, hourly) it runs the retention sweep instead:
 * cases resolved more than the policy's closeAfterDays ago are closed, and every closed case's items
 * get the table's TTL attribute, retentionDays after closing (domain/cases/retention.ts).
 *
 * Environment (functions/wiring/case-task-sweep-env.ts): TABLE_NAME, CONNECT_INSTANCE_ID,
 * CONNECT_TASK_FLOW_ID, CONNECT_QUEUES; TASK_STALE_MINUTES (optional, default 30); TASK_SWEEP_BATCH (optional,
 * default 200 tasks per page); TASK_SWEEP_BUDGET_SECONDS (optional, default 40: the run stops reading
 * new pages after that, inside the Lambda's 50 s; half of it for reconciliation first, the rest for
 * escalation, which resumes next run where it stopped); the messengers' and survey links' settings
 * (wiring/messenger-env.ts, survey-env.ts); POWERTOOLS_METRICS_NAMESPACE (shared/case-metrics.ts).
 * IAM: DynamoDB read/write on the table (its indexes too); connect:DescribeContact,
 * connect:GetContactAttributes, connect:UpdateContactRoutingData and connect:StopContact on the
 * instance's contacts; connect:StartTaskContact (instance, contacts, contact flows: a waiting case whose
 * task ended unanswered gets a new one); the messengers' grants (Twilio token secret, ses:SendRawEmail
 * from our domain, the reply and survey signing keys, the Telegram bot token).
 */
import middy from '@middy/core';
import { escalateWaitingTasks, reconcileTasks, type TaskSweepDeps } from '../adapters/connect/task-sweep';
import {
  CLOSE_SETTLED_TASK,
  closeSettledCases,
  type RetentionRun,
  type RetentionStore,
} from '../domain/cases/retention';
import type { TimeUp } from '../domain/incidents/notify';
import type { IncidentBeat } from '../domain/incidents/resolve';
import type { ReplayReport } from '../domain/outbound/replay';
import { CaseMetrics } from '../shared/case-metrics';
import { logger } from '../shared/logger';
import { publishMetrics } from '../shared/metrics';
import { wireCaseTaskSweep } from '../wiring/case-task-sweep';

/** What one run did. */
export interface SweepRun {
  readonly reconciled: number;
  readonly moved: number;
  readonly escalated: number;
  /** Replies and surveys whose failed send this run sent again (with a replay wired). */
  readonly resent?: number;
  /** Incident notices and resolution messages this run sent (with incidents wired). */
  readonly incidents?: IncidentBeat;
}

/** Sweep settings: how long a task state is trusted, the page size and how long one run reads. */
export interface SweepSettings {
  readonly staleMinutes: number;
  /** Tasks per page. */
  readonly batch: number;
  /** How long one run goes on reading pages, in milliseconds. */
  readonly budgetMs: number;
  readonly now?: () => Date;
  /** The clock the budget is measured on (milliseconds); Date.now by default. */
  readonly clockMs?: () => number;
}

/**
 * The sweep's deps: following tasks, closing and expiring settled cases, sending incident messages on
 * their beat, and sending failed sends again.
 */
export type SweepDeps = TaskSweepDeps & {
  readonly retention: RetentionStore;
  readonly incidentMessages?: ((timeUp: TimeUp) => Promise<IncidentBeat>) | undefined;
  readonly replayUnsent?: (() => Promise<ReplayReport>) | undefined;
};

/** What one cold start builds: the deps and the run settings. */
export interface SweepWiring {
  readonly deps: SweepDeps;
  readonly settings: SweepSettings;
}

const isCloseSettled = (event: unknown) =>
  typeof event === 'object' && event !== null && (event as { task?: unknown }).task === CLOSE_SETTLED_TASK;

/** Builds the handler around a deps factory, called once per cold start (tests pass their own). */
export function caseTaskSweepHandler(
  makeWiring: (metrics: CaseMetrics) => SweepWiring,
  metrics = new CaseMetrics(),
) {
  let wiring: SweepWiring | undefined;
  return middy(async (event?: unknown): Promise<SweepRun | RetentionRun> => {
    wiring ??= makeWiring(metrics);
    const { deps: d, settings } = wiring;
    const now = settings.now?.() ?? new Date();
    if (isCloseSettled(event)) {
      const closeCase = (caseNumber: string, at: Date) =>
        d.moveCase(caseNumber, { type: 'close' }, 'system', at);
      const run = await closeSettledCases({ ...d, closeCase }, now, settings.batch);
      if (run.closed + run.expiring > 0) logger.info('retention sweep', { ...run });
      return run;
    }
    const clock = settings.clockMs ?? Date.now;
    const start = clock();
    // Reconciliation first (cases whose events were lost), within half the budget; escalation gets
    // the rest and resumes next run where it stopped.
    const until = (share: number) => () => clock() - start >= settings.budgetMs * share;
    const reconciled = await reconcileTasks(d, now, settings.staleMinutes, {
      pageSize: settings.batch,
      timeUp: until(0.5),
    });
    const escalated = await escalateWaitingTasks(d, now, { pageSize: settings.batch, timeUp: until(1) });
    // Sends only with time left: a provider that still fails holds each send for its timeout, and a
    // run cut off by the Lambda's timeout would leave claims unconfirmed (never sent again). Incident
    // messages stop between batches at the budget's end; whatever is left goes next minute.
    const incidents = until(1)() ? undefined : await d.incidentMessages?.(until(1));
    const replay = until(1)() ? undefined : await d.replayUnsent?.();
    const run = {
      reconciled: reconciled.length,
      moved: reconciled.filter((r) => r.outcome === 'moved').length,
      escalated: escalated.length,
      ...(incidents ? { incidents } : {}),
      ...(replay ? { resent: replay.sent } : {}),
    };
    if (incidents && incidents.notices + incidents.resolutions > 0)
      logger.info('incident messages', { ...incidents });
    if (replay && replay.unsent > 0) logger.info('outbound replay', { ...replay });
    if (run.reconciled + run.escalated > 0)
      logger.info('case task sweep', { ...run, escalations: escalated });
    return run;
  }).use(publishMetrics(metrics));
}

/** The deployed handler. */
export const handler = caseTaskSweepHandler((metrics) => wireCaseTaskSweep(metrics));
