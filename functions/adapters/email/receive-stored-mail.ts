import { type EmailDeps, type MailOutcome, receiveMail } from '../../domain/email/receive-mail';
import { parseMail } from './parse-mail';
import {
  messageIdOf,
  NotAMailError,
  notAMailReason,
  type RawMailStore,
  type StoredMailRef,
} from './stored-mail';

/** The email use case's dependencies plus the raw store and the size limit. */
export interface StoredMailDeps extends EmailDeps {
  readonly raw: RawMailStore;
  /** Mail over this size is kept and answered with a short notice; only its headers are read. */
  readonly maxBytes: number;
}

/**
 * Reads a stored raw message, parses it and runs it through the email use case: the door's one step.
 * An object that is not a mail (SES's setup notification, no header block) throws NotAMailError before
 * anything is recorded.
 */
export async function receiveStoredMail(deps: StoredMailDeps, ref: StoredMailRef): Promise<MailOutcome> {
  const setup = notAMailReason(ref);
  if (setup) throw new NotAMailError(ref.key, setup);
  const raw = await deps.raw.read(ref);
  const notMail = notAMailReason(ref, raw.bytes);
  if (notMail) throw new NotAMailError(ref.key, notMail);
  const mail = await parseMail(raw.bytes, {
    id: messageIdOf(ref),
    rawRef: raw.rawRef,
    recipients: ref.recipients,
    receipt: ref.receipt,
    receivedAt: ref.receivedAt ?? deps.intake.clock.now().toISOString(),
    limitBytes: deps.maxBytes,
  });
  return receiveMail(deps, mail);
}
