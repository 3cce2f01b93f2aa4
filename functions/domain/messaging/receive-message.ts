import type { Contact } from '../contact';
import { type IntakeDeps, type IntakeResult, intake } from '../intake/intake';
import type { Deliver, DeliveryOutcome } from '../outbound/deliver';
import type { GuestAllowance } from '../outbound/ledger';
import { optKeyword } from '../outbound/opt-out';

/** What receiving an SMS or WhatsApp message needs. */
export interface MessageDeps {
  readonly intake: IntakeDeps;
  /** The one outbound step: records the TwiML answer as inline, or holds it back (rate limit). */
  readonly deliver: Deliver;
  /** Where a STOP or START from the guest is recorded. */
  readonly guests: Pick<GuestAllowance, 'setOptOut'>;
}

/** What the intake made of a message, the text to answer it with (none when held back), and why. */
export interface ReceivedMessage {
  readonly result: IntakeResult;
  readonly answer?: string | undefined;
  /** How the answer went (inline, or suppressed with the reason); none when none was due. */
  readonly delivery?: DeliveryOutcome | undefined;
}

/**
 * Runs a message through the intake and hands its reply plan to deliver, which decides whether the
 * answer goes out (an auto-responder on the other side would answer our answer forever, so automatic
 * messages are rate-limited per address) and records it. A STOP or START is recorded first: the
 * message itself still reaches the case like any other.
 */
export async function receiveMessage(deps: MessageDeps, contact: Contact): Promise<ReceivedMessage> {
  const keyword = optKeyword(contact.text);
  if (keyword)
    await deps.guests.setOptOut(contact.from, contact.channel, keyword === 'opt_out', contact.receivedAt);
  // The TwiML answer is recorded with the contact (one write); a redelivery reads it back with it.
  const result = await intake(deps.intake, contact, { answerInline: deps.deliver });
  if (!('message' in result.plan)) return { result };
  const delivery = result.delivery ?? (await deps.deliver(result.plan.message));
  // Answered in this very response: the TwiML carries it unless deliver held it back.
  const answer = delivery.status === 'inline' ? result.plan.message.text : undefined;
  return { result, answer, delivery };
}
