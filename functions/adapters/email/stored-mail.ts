import type { MailQuarantine } from '../../domain/email/email-ports';
import type { MailVerdicts } from '../../domain/email/inbound-mail';
import { ValidationError } from '../../domain/errors';

/** Where a received raw message is kept (an S3 object, or a file of the local bucket folder). */
export interface StoredMailRef {
  readonly bucket: string;
  readonly key: string;
  readonly size?: number | undefined;
  /** SES's message id when the event said it; else the object's name is. */
  readonly sesMessageId?: string | undefined;
  readonly recipients?: readonly string[] | undefined;
  readonly receipt?: MailVerdicts | undefined;
  readonly receivedAt?: string | undefined;
}

/** A raw message read back from the store. */
export interface RawMail {
  readonly bytes: Buffer;
  /** Printable location, e.g. "s3://bucket/inbound/abc". */
  readonly rawRef: string;
}

/** The raw-mail store: read what SES (or the local door) wrote, quarantine what must not be touched. */
export interface RawMailStore extends MailQuarantine {
  read(ref: StoredMailRef): Promise<RawMail>;
}

/**
 * The object SES writes under the receipt rule's S3 prefix when the rule is created, checking the write
 * permission its developer guide asks for ("Giving permissions to Amazon SES for email receiving"): a
 * notice made to look like a mail. A receipt notification about it names it as `mail.messageId` too.
 */
export const SES_SETUP_NOTIFICATION = 'AMAZON_SES_SETUP_NOTIFICATION';

/** A stored object that is not a mail: the door skips it (logged), with no case, no task and no retry. */
export class NotAMailError extends ValidationError {
  readonly reason: string;

  constructor(key: string, reason: string) {
    super('mail', `${key} is not a mail: ${reason}`);
    this.name = 'NotAMailError';
    this.reason = reason;
  }
}

// RFC 5322 §3.6: a message has a header block, and From is one of the two fields it must carry.
const HEADER_SCAN_BYTES = 64 * 1024;

/**
 * Why a stored object is not a mail, or undefined: SES's setup notice (by its name, as object or SES
 * message id, before it is read), an empty object, or no header block with a From field.
 */
export function notAMailReason(ref: StoredMailRef, bytes?: Buffer): string | undefined {
  const name = ref.key.slice(ref.key.lastIndexOf('/') + 1);
  if (name === SES_SETUP_NOTIFICATION || ref.sesMessageId === SES_SETUP_NOTIFICATION)
    return 'SES receipt-rule setup notification';
  if (bytes === undefined) return undefined;
  if (bytes.length === 0) return 'empty object';
  const text = bytes.subarray(0, HEADER_SCAN_BYTES).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const head = end >= 0 ? text.slice(0, end) : text;
  if (!/^from:/im.test(head)) return 'no RFC 5322 header block with a From field';
  return undefined;
}

/** The message id of a stored message: SES names the object after it (under the rule's prefix). */
export function messageIdOf(ref: StoredMailRef): string {
  if (ref.sesMessageId) return ref.sesMessageId;
  const name = ref.key.slice(ref.key.lastIndexOf('/') + 1);
  return name.replace(/\.eml$/i, '') || ref.key;
}
