import type { Contact } from '../contact';
import { type IntakeDeps, type IntakeResult, intake } from '../intake/intake';
import type { ThreadCandidate } from '../intake/resolve-case';
import { isVerified } from '../intake/standing';
import type { Deliver, DeliveryOutcome } from '../outbound/deliver';
import type { GuestAllowance } from '../outbound/ledger';
import { optKeyword } from '../outbound/opt-out';

/** What receiving a message from a guest's phone or messenger account needs. */
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

/** How a door wants its answers shaped. */
export interface ReceiveOptions {
  /**
   * The channel can prove a phone number (Telegram's contact button): the first answer on a case a
   * sender opens unverified asks for it.
   */
  readonly canAskForPhone?: boolean | undefined;
  /** Cases the door found the message continues, tried first (the intake's IntakeOptions.thread). */
  readonly thread?: readonly ThreadCandidate[] | undefined;
}

/**
 * Runs a message through the intake and hands its reply plan to deliver, which decides whether the
 * answer goes out (an auto-responder on the other side would answer our answer forever, so automatic
 * messages are rate-limited per address) and records it. A STOP or START is recorded first: the
 * message itself still reaches the case like any other.
 */
export async function receiveMessage(
  deps: MessageDeps,
  contact: Contact,
  options: ReceiveOptions = {},
): Promise<ReceivedMessage> {
  const keyword = optKeyword(contact.text);
  if (keyword)
    await deps.guests.setOptOut(contact.from, contact.channel, keyword === 'opt_out', contact.receivedAt);
  // An answer given in this very response (TwiML) is recorded with the contact (one write); a
  // redelivery reads it back with it. Answers sent apart (Telegram) go through deliver below.
  const result = await intake(deps.intake, contact, {
    ...(options.thread ? { thread: options.thread } : {}),
    answerInline: deps.deliver,
  });
  if (!('message' in result.plan)) return { result };
  const ask =
    options.canAskForPhone === true &&
    result.outcome === 'new_case' &&
    !isVerified(result.record.verification);
  const message = ask ? { ...result.plan.message, askForPhone: true } : result.plan.message;
  const delivery = result.delivery ?? (await deps.deliver(message));
  // Answered in this very response: the TwiML carries it unless deliver held it back.
  const answer = delivery.status === 'inline' ? result.plan.message.text : undefined;
  return { result, answer, delivery };
}
