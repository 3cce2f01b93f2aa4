import { answersInline } from '../contact';
import type { ContactRecord } from '../ports';
import type { OutboundRecord } from './ledger';
import type { OutboundMessage } from './messenger';

/**
 * What the intake decided to say back to a contact: one acknowledgement to deliver, or none and why.
 * Nothing in it says whether it went out: that is deliver's to decide and record.
 */
export type ReplyPlan =
  | { readonly message: OutboundMessage; readonly disclosedBooking: boolean }
  | { readonly none: string };

const ACK_SUFFIX = ':ack';

/** The id of a contact's acknowledgement: one per contact, whichever door or retry delivers it. */
export function acknowledgementId(contactId: string): string {
  return `${contactId}${ACK_SUFFIX}`;
}

/** The contact a message id acknowledges (acknowledgementId read back), if it is such an id. */
export function acknowledgedContactId(messageId: string): string | undefined {
  return messageId.endsWith(ACK_SUFFIX) ? messageId.slice(0, -ACK_SUFFIX.length) : undefined;
}

/**
 * The plan stored with a contact (its `reply`), as a message to deliver. A redelivered contact gets
 * the same plan back, and deliver answers it as it answered the first time.
 */
export function replyPlanOf(record: ContactRecord): ReplyPlan {
  const reply = record.reply;
  if (!reply) return { none: 'no answer planned' };
  if (!reply.messageId) return { none: reply.reason ?? 'no answer due' };
  return {
    disclosedBooking: reply.disclosedBooking,
    message: {
      id: reply.messageId,
      kind: 'acknowledgement',
      caseNumber: record.caseNumber,
      channel: reply.channel,
      to: reply.to,
      language: reply.language,
      text: reply.text,
      inReplyTo: [record.id],
      automatic: true,
      createdAt: record.receivedAt,
      // The TwiML <Message> or the IVR's prompt carries it; email is sent by the Messenger.
      inline: answersInline(reply.channel),
      opensCase: reply.opensCase,
    },
  };
}

/**
 * The ledger record of a contact's inline answer, when deliver recorded it with the contact: the
 * planned message (as replyPlanOf gives it to deliver) with how it went.
 */
export function inlineAnswerOf(record: ContactRecord): OutboundRecord | undefined {
  const answered = record.reply?.answered;
  const plan = replyPlanOf(record);
  if (!answered || !('message' in plan)) return undefined;
  return {
    ...plan.message,
    status: answered.status,
    reason: answered.reason,
    sentAt: answered.status === 'inline' ? answered.at : undefined,
    updatedAt: answered.at,
  };
}

/** The contact carrying the ledger record of its inline answer (inlineAnswerOf reads it back). */
export function withInlineAnswer(record: ContactRecord, answer: OutboundRecord): ContactRecord {
  if (!record.reply) return record;
  const answered = { status: answer.status, reason: answer.reason, at: answer.updatedAt };
  return { ...record, reply: { ...record.reply, answered } };
}
