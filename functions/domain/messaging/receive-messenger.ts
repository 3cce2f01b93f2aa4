import type { Contact } from '../contact';
import { linkProvenPhone, type PhoneLink } from './proven-phone';
import { type MessageDeps, type ReceivedMessage, receiveMessage } from './receive-message';

/** A message from a messenger account (Telegram), with the phone the channel proved it holds, if any. */
export interface MessengerMessage {
  readonly contact: Contact;
  readonly provenPhone?: string | undefined;
}

/** What receiving it did: the message's own outcome, and what became of a proven phone. */
export interface ReceivedMessengerMessage extends ReceivedMessage {
  readonly phoneLink?: PhoneLink | undefined;
}

/**
 * Receives a messenger message: a proven phone first links the account to the customer of that phone
 * (proven-phone.ts), so this very message is already verified like an SMS from the phone; then the
 * message goes through the intake like any other, and the first answer to an unverified sender asks
 * for the phone.
 */
export async function receiveMessengerMessage(
  deps: MessageDeps,
  message: MessengerMessage,
): Promise<ReceivedMessengerMessage> {
  const { contact, provenPhone } = message;
  const phoneLink = provenPhone
    ? await linkProvenPhone(deps.intake.bookings, contact.from, provenPhone)
    : undefined;
  const received = await receiveMessage(deps, contact, { canAskForPhone: true });
  return { ...received, phoneLink };
}
