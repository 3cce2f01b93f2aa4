import { DependencyError } from '../errors';
import { noteAcknowledged } from '../intake/note-acknowledged';
import type { ContactRecord, Mailer, Reply } from '../ports';
import { hourWindow } from '../rate-window';
import { ackMessageId, composeAckEmail } from './compose-ack';
import type { EmailCaseStore } from './email-ports';
import type { InboundMail } from './inbound-mail';
import { isUnanswerable, type OwnAddresses } from './loop-guard';
import { messageIdKey, sesMessageIdKey } from './message-ids';
import type { Sign } from './reply-token';

/** The settings of safe acknowledgements. */
export interface AckSettings {
  /** The address acknowledgements come from, e.g. "support@example.com". */
  readonly ourAddress: string;
  readonly own: OwnAddresses;
  /** Acknowledgements one sender may get per hour, whatever the case. */
  readonly perSenderPerHour: number;
  /**
   * Whether a From address counts as the sender only with a DMARC pass (the default). Only the local
   * SMTP door, which has no SPF/DKIM/DMARC, turns it off; anyone can write any From.
   */
  readonly requireDmarcPass?: boolean | undefined;
  /**
   * After how long a Message-ID claim whose copy never stored its contact counts as abandoned and is
   * taken over (default 2 minutes: longer than the email Lambda's 60 s timeout).
   */
  readonly claimStaleAfterMs?: number | undefined;
}

/** What an acknowledgement needs. */
export interface AckDeps {
  readonly store: EmailCaseStore;
  readonly mailer: Mailer;
  readonly sign: Sign;
  readonly settings: AckSettings;
  readonly now: () => Date;
}

/** What became of the acknowledgement of one message. */
export interface AckOutcome {
  readonly delivery: Reply['delivery'] | 'none';
  readonly to?: string | undefined;
  readonly reason?: string | undefined;
  /** Why the case's timeline lacks the "acknowledged" entry of an acknowledgement that was sent. */
  readonly timelineError?: string | undefined;
}

// Booking details go only to the address that proved who the guest is (From), never to a Reply-To a
// forger could have set; a plain acknowledgement may follow Reply-To as mail clients do.
function recipientOf(mail: InboundMail, reply: Reply, own: OwnAddresses): string | undefined {
  const candidates = reply.disclosedBooking ? [mail.from] : [mail.replyTo, mail.from];
  return candidates.find((a): a is string => a !== undefined && !isUnanswerable(a, own));
}

async function suppress(
  deps: AckDeps,
  record: ContactRecord,
  reply: Reply,
  reason: string,
): Promise<AckOutcome> {
  await deps.store.updateReply(record.id, { ...reply, delivery: 'suppressed', reason });
  return { delivery: 'suppressed', reason };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Sends the acknowledgement the intake left pending, at most once per sender and case and within the
 * per-sender rate. A send that may succeed later leaves the reply pending and throws (the message is
 * retried); one that never will is marked failed.
 */
export async function acknowledge(
  deps: AckDeps,
  mail: InboundMail,
  record: ContactRecord,
): Promise<AckOutcome> {
  const reply = record.reply;
  if (reply === undefined) return { delivery: 'none' };
  if (reply.delivery !== 'pending') return { delivery: reply.delivery, reason: reply.reason };
  const to = recipientOf(mail, reply, deps.settings.own);
  if (!to) return suppress(deps, record, reply, 'no answerable address');
  if (!(await deps.store.claimAcknowledgement(record.caseNumber, to, record.id)))
    return suppress(deps, record, reply, 'already acknowledged on this case');
  const window = hourWindow(deps.now());
  if (!(await deps.store.countAcknowledgement(to, window, deps.settings.perSenderPerHour)))
    return suppress(deps, record, reply, `rate limit: ${deps.settings.perSenderPerHour} per hour`);
  const email = composeAckEmail(
    {
      mail,
      reply,
      caseNumber: record.caseNumber,
      contactId: record.id,
      ourAddress: deps.settings.ourAddress,
      sign: deps.sign,
    },
    to,
  );
  let sentId: string;
  try {
    sentId = (await deps.mailer.send(email)).messageId;
  } catch (error) {
    const retryable = !(error instanceof DependencyError) || error.retryable;
    await deps.store.updateReply(record.id, {
      ...reply,
      to,
      delivery: retryable ? 'pending' : 'failed',
      error: describe(error),
    });
    if (retryable) throw error;
    return { delivery: 'failed', to, reason: describe(error) };
  }
  const ours = ackMessageId(record.id, deps.settings.ourAddress);
  const keys = [messageIdKey(ours), messageIdKey(sentId), sesMessageIdKey(sentId)].filter(
    (k): k is string => k !== undefined,
  );
  await deps.store.rememberMessageIds([...new Set(keys)], {
    caseNumber: record.caseNumber,
    contactId: record.id,
  });
  const sentAt = deps.now().toISOString();
  await deps.store.updateReply(record.id, {
    ...reply,
    to,
    subject: email.subject,
    text: email.text,
    delivery: 'sent',
    messageIds: [ours, sentId],
    sentAt,
    error: undefined,
  });
  // Noted once sent, so a suppressed or failed acknowledgement never reads "acknowledged"; a crash
  // just before this costs the entry, never a second email.
  const timelineError = await noteAcknowledged(deps.store, record.caseNumber, 'email', sentAt);
  return { delivery: 'sent', to, timelineError };
}
