/**
 * Lambda on the table's DynamoDB stream (booking items only, filtered by the event source mapping):
 * each booking whose status, dates or refund changed tells its guest (functions/domain/notify). Records
 * go in order; the first that fails is reported as the batch item failure (ReportBatchItemFailures:
 * Lambda retries from that sequence number, bisecting, then hands the record to the on-failure
 * queue), so a failure never skips a later change. Invoked by EventBridge with
 * `{"task":"send-due-notices"}` (hourly) it sends the notices held for the guests' mornings.
 *
 * Environment: functions/wiring/booking-updates-env.ts (TABLE_NAME, the hourly limits,
 * BOOKING_UPDATES_DUE_BATCH, the messengers' settings of wiring/messenger-env.ts). IAM: DynamoDB
 * read/write on the table and its indexes; the stream read by the event source mapping; the
 * Messengers' own grants.
 */
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { bookingChangeOf } from '../adapters/dynamodb/booking-stream';
import {
  type NoticeSweep,
  notifyBookingChange,
  SEND_DUE_NOTICES_TASK,
  sendDueNotices,
} from '../domain/notify/notify-booking';
import { logger } from '../shared/logger';
import { type BookingUpdatesDeps, wireBookingUpdates } from '../wiring/booking-updates';

/** A scheduled run. */
export interface DueNoticesTask {
  readonly task: typeof SEND_DUE_NOTICES_TASK;
}

const isDueTask = (event: unknown): event is DueNoticesTask =>
  typeof event === 'object' && event !== null && (event as { task?: unknown }).task === SEND_DUE_NOTICES_TASK;

async function onStream(
  deps: BookingUpdatesDeps,
  event: DynamoDBStreamEvent,
): Promise<DynamoDBBatchResponse> {
  for (const record of event.Records ?? []) {
    const sequence = record.dynamodb?.SequenceNumber ?? '';
    try {
      const change = bookingChangeOf(record);
      if (!change) continue;
      const outcome = await notifyBookingChange(deps.notify, change.before, change.after);
      if (outcome.notified)
        logger.info('booking update', { id: outcome.notice.id, state: outcome.notice.state });
    } catch (error) {
      logger.error('booking update failed', { sequence, error });
      return { batchItemFailures: [{ itemIdentifier: sequence }] };
    }
  }
  return { batchItemFailures: [] };
}

/** Builds the handler around a deps factory, called once per cold start (tests pass their own). */
export function bookingUpdatesHandler(makeDeps: () => BookingUpdatesDeps) {
  let deps: BookingUpdatesDeps | undefined;
  return middy(
    async (event: DynamoDBStreamEvent | DueNoticesTask): Promise<DynamoDBBatchResponse | NoticeSweep> => {
      deps ??= makeDeps();
      if (!isDueTask(event)) return onStream(deps, event);
      const run = await sendDueNotices(deps.notify, deps.dueBatch);
      if (run.sent + run.pending > 0) logger.info('held booking updates', { ...run });
      return run;
    },
  );
}

/** The deployed handler: its messengers from functions/wiring/messenger-env.ts (Twilio, SES, Telegram). */
export const handler = bookingUpdatesHandler(() => wireBookingUpdates(process.env));
