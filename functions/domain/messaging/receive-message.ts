import type { Contact } from '../contact';
import { type IntakeDeps, type IntakeResult, intake } from '../intake/intake';
import { noteAcknowledged } from '../intake/note-acknowledged';
import type { Reply } from '../ports';
import { hourWindow, type RateWindow } from '../rate-window';

/** Port: the per-sender counter of automatic replies, and the reply stored on a contact. */
export interface ReplyCounter {
  /** Counts one reply to a sender in a window; false, counting nothing, once `limit` is reached. */
  countAcknowledgement(sender: string, window: RateWindow, limit: number): Promise<boolean>;
  /** Replaces the reply stored on a contact. */
  updateReply(contactId: string, reply: Reply): Promise<void>;
}

/** What receiving an SMS or WhatsApp message needs. */
export interface MessageDeps {
  readonly intake: IntakeDeps;
  readonly replies: ReplyCounter;
  /** Automatic replies one sender gets per clock hour; past it, messages are still recorded and handed over. */
  readonly repliesPerSenderPerHour: number;
}

/** What the intake made of a message, and the text to answer it with (none when held back). */
export interface ReceivedMessage {
  readonly result: IntakeResult;
  readonly answer?: string | undefined;
  /** Why a new case's timeline lacks its "acknowledged" entry although the answer goes out. */
  readonly timelineError?: string | undefined;
}

/**
 * Runs a message through the intake and decides whether to answer it. Every answer costs an outgoing
 * SMS or WhatsApp message, and an auto-responder on the other side would answer our answer forever,
 * so one sender gets at most `repliesPerSenderPerHour` answers an hour; the rest are recorded,
 * queued for agents and kept on the case with the reply marked suppressed.
 */
export async function receiveMessage(deps: MessageDeps, contact: Contact): Promise<ReceivedMessage> {
  const result = await intake(deps.intake, contact, { acknowledgesLater: true });
  const reply = result.record.reply;
  if (!reply || reply.delivery === 'suppressed') return { result };
  // A redelivery answers as its first delivery did and is not counted again.
  if (result.outcome === 'duplicate') return { result, answer: reply.text };
  const limit = deps.repliesPerSenderPerHour;
  const window = hourWindow(deps.intake.clock.now());
  if (await deps.replies.countAcknowledgement(contact.from, window, limit)) {
    // Only a case's first answer is an acknowledgement; later ones sit by their "contact" entries.
    if (result.outcome !== 'new_case') return { result, answer: reply.text };
    const at = deps.intake.clock.now().toISOString();
    const cases = deps.intake.cases;
    const timelineError = await noteAcknowledged(cases, result.record.caseNumber, contact.channel, at);
    return { result, answer: reply.text, timelineError };
  }
  const held: Reply = { ...reply, delivery: 'suppressed', reason: `rate limit: ${limit} replies per hour` };
  await deps.replies.updateReply(result.record.id, held);
  return { result: { ...result, record: { ...result.record, reply: held } } };
}
