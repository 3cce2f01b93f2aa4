import type { MailVerdicts } from '../../domain/email/inbound-mail';
import { ValidationError } from '../../domain/errors';
import type { StoredMailRef } from './stored-mail';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, ...path: string[]): unknown {
  let at = value;
  for (const name of path) at = isObject(at) ? at[name] : undefined;
  return at;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function status(receipt: Json, name: string): string | undefined {
  return text(field(receipt, name, 'status'))?.toUpperCase();
}

// S3 event keys are URL-encoded with "+" for spaces.
function s3Key(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

function fromS3Record(record: Json): StoredMailRef | undefined {
  if (!String(record.eventName ?? '').startsWith('ObjectCreated')) return undefined;
  const bucket = text(field(record, 's3', 'bucket', 'name'));
  const key = text(field(record, 's3', 'object', 'key'));
  if (!bucket || !key) throw new ValidationError('s3', 'an S3 record without bucket name or object key');
  const size = field(record, 's3', 'object', 'size');
  return {
    bucket,
    key: s3Key(key),
    size: typeof size === 'number' ? size : undefined,
    receivedAt: text(record.eventTime),
  };
}

function fromSesNotification(ses: Json): StoredMailRef {
  const receipt = isObject(ses.receipt) ? ses.receipt : {};
  const bucket = text(field(receipt, 'action', 'bucketName'));
  const key = text(field(receipt, 'action', 'objectKey'));
  if (!bucket || !key) {
    const type = text(field(receipt, 'action', 'type')) ?? 'unknown';
    throw new ValidationError('receipt.action', `a ${type} action names no stored message: use an S3 action`);
  }
  const verdicts: MailVerdicts = {
    spam: status(receipt, 'spamVerdict'),
    virus: status(receipt, 'virusVerdict'),
    spf: status(receipt, 'spfVerdict'),
    dkim: status(receipt, 'dkimVerdict'),
    dmarc: status(receipt, 'dmarcVerdict'),
    dmarcPolicy: text(receipt.dmarcPolicy)?.toLowerCase(),
  };
  const recipients = Array.isArray(receipt.recipients)
    ? receipt.recipients.filter((r) => typeof r === 'string')
    : undefined;
  return {
    bucket,
    key,
    sesMessageId: text(field(ses, 'mail', 'messageId')),
    recipients,
    receipt: verdicts,
    receivedAt: text(field(ses, 'mail', 'timestamp')),
  };
}

function refsOf(message: unknown, depth: number): StoredMailRef[] {
  if (!isObject(message) || depth > 3)
    throw new ValidationError('body', 'not an S3, SES or SNS notification');
  // S3 sends a test event when the notification is configured: nothing to receive.
  if (message.Event === 's3:TestEvent') return [];
  if (message.Type === 'Notification' && typeof message.Message === 'string')
    return refsOf(parse(message.Message), depth + 1);
  if (message.notificationType === 'Received') return [fromSesNotification(message)];
  if (Array.isArray(message.Records)) {
    return message.Records.flatMap((record: unknown): StoredMailRef[] => {
      if (!isObject(record)) throw new ValidationError('Records', 'a record that is not an object');
      if (record.eventSource === 'aws:s3')
        return [fromS3Record(record)].filter((r): r is StoredMailRef => !!r);
      if (record.eventSource === 'aws:ses' && isObject(record.ses)) return [fromSesNotification(record.ses)];
      throw new ValidationError('Records', `a record from ${String(record.eventSource)}`);
    });
  }
  throw new ValidationError('body', 'not an S3, SES or SNS notification');
}

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new ValidationError('body', `not JSON: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The stored messages an SQS message body points at: an S3 event notification (the deployed path), an
 * SES receipt notification with an S3 action (its verdicts are used), either inside an SNS envelope.
 * Anything else is a ValidationError naming what is wrong.
 */
export function storedMailRefs(body: string): StoredMailRef[] {
  return refsOf(parse(body), 0);
}
