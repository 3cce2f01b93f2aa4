import type { MailQuarantine } from '../../domain/email/email-ports';
import type { MailVerdicts } from '../../domain/email/inbound-mail';

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

/** The message id of a stored message: SES names the object after it (under the rule's prefix). */
export function messageIdOf(ref: StoredMailRef): string {
  if (ref.sesMessageId) return ref.sesMessageId;
  const name = ref.key.slice(ref.key.lastIndexOf('/') + 1);
  return name.replace(/\.eml$/i, '') || ref.key;
}
