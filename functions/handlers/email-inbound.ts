/**
 * Lambda: the email door. SES's receipt rule stores raw MIME in S3 (encrypted); the bucket notifies an SQS
 * queue (with a dead-letter queue); this handler takes the queue's batches and reports failed records one
 * by one (`batchItemFailures`, so the event source mapping needs ReportBatchItemFailures). Idempotent by
 * SES message id and by Message-ID + recipient: a redelivered record changes nothing and sends nothing.
 *
 * Environment (functions/wiring/email-inbound-env.ts): TABLE_NAME, CONNECT_INSTANCE_ID,
 * CONNECT_TASK_FLOW_ID, CONNECT_QUEUES, PIN_PEPPER_SECRET; EMAIL_FROM (our verified sender, e.g.
 * support@example.com; acknowledgements come from it and replies go to its +tagged form); REPLY_SIGNING_SECRET (Secrets Manager secret id: the
 * HMAC key of signed reply references, ≥ 16 characters); optional: EMAIL_FROM_NAME, EMAIL_OWN_ADDRESSES
 * and EMAIL_OWN_DOMAINS (comma lists never answered), EMAIL_MAX_BYTES (default 10000000),
 * EMAIL_ACKS_PER_SENDER_PER_HOUR (default 5), SES_CONFIGURATION_SET, QUARANTINE_PREFIX (default
 * "quarantine/"), POWERTOOLS_SERVICE_NAME and LOG_LEVEL; POWERTOOLS_METRICS_NAMESPACE for the dashboard's metrics (shared/metrics.ts).
 * IAM: s3:GetObject and s3:DeleteObject on the raw-mail prefix, s3:PutObject and s3:PutObjectTagging on
 * the quarantine prefix (plus kms:Decrypt/GenerateDataKey if the bucket uses a KMS key); DynamoDB
 * read/write on the table (GetItem, PutItem, UpdateItem, BatchGetItem, BatchWriteItem, Query);
 * ses:SendRawEmail on the sending identity; secretsmanager:GetSecretValue on the signing secret;
 * connect:StartTaskContact, connect:UpdateContactRoutingData, connect:GetCurrentMetricData.
 */
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { storedMailRefs } from '../adapters/email/mail-event';
import { receiveStoredMail, type StoredMailDeps } from '../adapters/email/receive-stored-mail';
import { NotAMailError } from '../adapters/email/stored-mail';
import { CaseMetrics, withAnswers } from '../shared/case-metrics';
import { logger } from '../shared/logger';
import { maskAddress, redact } from '../shared/mask';
import { ContactMetrics, publishMetrics, withMetrics } from '../shared/metrics';
import { wireEmailInbound } from '../wiring/email-inbound';

function describe(error: unknown): Record<string, unknown> {
  const e = error as { name?: string; code?: string; message?: string; retryable?: boolean };
  // SES and S3 errors can quote addresses: the reason is redacted before it is logged.
  return {
    error: e?.name ?? 'Error',
    code: e?.code,
    reason: redact(e?.message ?? ''),
    retryable: e?.retryable,
  };
}

// SES's setup notification and other objects that are not mail are skipped, not retried onto the DLQ.
function skipNotAMail(key: string) {
  return (error: unknown): undefined => {
    if (!(error instanceof NotAMailError)) throw error;
    logger.info('email skipped: not a mail', { key, reason: error.reason });
    return undefined;
  };
}

/**
 * Builds the handler around a deps factory, called once per invocation (tests pass their own). New
 * contacts go to `metrics`, survey answers (a reply starting with a digit) to `answers`.
 */
export function emailInboundHandler(
  makeDeps: () => Promise<StoredMailDeps>,
  metrics = new ContactMetrics(),
  answers = new CaseMetrics(),
) {
  return middy(async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    const built = await makeDeps();
    const deps: StoredMailDeps = {
      ...built,
      intake: withAnswers(withMetrics(built.intake, metrics), answers),
    };
    for (const record of event.Records) {
      try {
        for (const ref of storedMailRefs(record.body)) {
          const outcome = await receiveStoredMail(deps, ref).catch(skipNotAMail(ref.key));
          if (!outcome) continue;
          logger.info('email received', {
            key: ref.key,
            status: outcome.status,
            caseNumber: outcome.caseNumber,
            noReplyReason: outcome.noReplyReason,
            ack: outcome.ack.delivery,
            ackReason: outcome.ack.reason && redact(outcome.ack.reason),
            to: outcome.ack.to ? maskAddress(outcome.ack.to) : undefined,
          });
        }
      } catch (error) {
        // The raw mail stays in S3; after the queue's maxReceiveCount the record waits on the DLQ for a redrive.
        logger.error('email record failed', { sqsMessageId: record.messageId, ...describe(error) });
        failures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures: failures };
  }).use(publishMetrics(metrics, answers));
}

let deps: (() => Promise<StoredMailDeps>) | undefined;

/** The deployed handler. */
export const handler = emailInboundHandler(() => {
  deps ??= wireEmailInbound();
  return deps();
});
