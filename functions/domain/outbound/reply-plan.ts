import { answersInline } from '../contact';
import type { ContactRecord } from '../ports';
import type { OutboundMessage } from './messenger';

/**
 * What the intake decided to say back to a contact: one acknowledgement to deliver, or none and why.
 * Nothing in it says whether it went out: that is deliver's to decide and record.
 */
export type ReplyPlan =
  | { readonly message: OutboundMessage; readonly disclosedBooking: boolean }
  | { readonly none: string };

/** The id of a contact's acknowledgement: one per contact, whichever door or retry delivers it. */
export function acknowledgementId(contactId: string): string {
  return `${contactId}:ack`;
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
