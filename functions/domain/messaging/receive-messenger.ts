import { findCaseNumber } from '../case';
import { latestCase } from '../cases/latest-case';
import type { Contact } from '../contact';
import type { ThreadCandidate } from '../intake/resolve-case';
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
 * Where a linked account's message goes first: a case number it quotes (the customer's own, as the
 * intake checks), then the case the account opened before it was linked to a customer (that case is
 * the account's, the customer's cases are the customer's): the same account writing again continues it,
 * or reopens it, as followUpDecision says, whoever it now proves to be. None for an unlinked account.
 */
async function linkedAccountThread(
  deps: MessageDeps,
  contact: Contact,
): Promise<ThreadCandidate[] | undefined> {
  const { bookings, cases } = deps.intake;
  if (!(await bookings.findCustomer(contact.from))) return undefined;
  const own = await latestCase(cases, await cases.openCases(contact.from), undefined);
  if (!own) return undefined;
  const quoted = findCaseNumber(contact.text.slice(0, 2000));
  return [
    ...(quoted ? [{ caseNumber: quoted, source: 'quoted case' }] : []),
    {
      caseNumber: own.caseNumber,
      source: 'this account’s case from before it shared its phone',
      proven: true,
    },
  ];
}

/**
 * Receives a messenger message: a proven phone first links the account to the customer of that phone
 * (proven-phone.ts), so this very message is already verified like an SMS from the phone and lands on
 * the case the account already has open; then the message goes through the intake like any other, and
 * the first answer to an unverified sender asks for the phone.
 */
export async function receiveMessengerMessage(
  deps: MessageDeps,
  message: MessengerMessage,
): Promise<ReceivedMessengerMessage> {
  const { contact, provenPhone } = message;
  const phoneLink = provenPhone
    ? await linkProvenPhone(deps.intake.bookings, contact.from, provenPhone)
    : undefined;
  const thread = await linkedAccountThread(deps, contact);
  const received = await receiveMessage(deps, contact, { canAskForPhone: true, thread });
  return { ...received, phoneLink };
}
