import type { Booking } from '../booking';
import type { Contact } from '../contact';
import type { Customer } from '../customer';
import type { Verification } from '../ports';
import { holdsSenderAddress } from './sender';
import type { Identification } from './verify';

/**
 * What a contact may see and change: its answer, waiting time, queue, priority and case are computed
 * from this alone. Until the sender is verified it is what a contact naming no booking gets.
 */
export interface Standing {
  readonly verified: boolean;
  /** The booking answers and routing may use: only one the sender is verified for. */
  readonly booking?: Booking | undefined;
  /** The customer language and routing may use: only one found by an address the sender is proven to hold. */
  readonly customer?: Customer | undefined;
  /** Whether to say the booking's PIN checks are paused: only ever to its verified owner. */
  readonly pinLocked: boolean;
  /** A booking number whose check digit is wrong: arithmetic on what was typed, told to anyone. */
  readonly invalidReference?: string | undefined;
  /** For agents: why a booking the contact named did not count. */
  readonly note?: string | undefined;
}

/** Whether the sender has proven to be the booking's guest (by PIN, or by writing from its address). */
export function isVerified(verification: Verification): boolean {
  return verification === 'pin' || verification === 'sender_matches';
}

/** The customer found by the sender's address, if the sender is proven to hold that address. */
export function provenCustomer(contact: Contact, customer: Customer | undefined): Customer | undefined {
  return holdsSenderAddress(contact) ? customer : undefined;
}

/**
 * The one rule behind every door: until the sender is verified, a contact is treated as if it named no
 * booking (an existing, unknown or locked one alike), so nothing it gets back or changes — answer text,
 * waiting time, queue, priority, case fields — can tell a stranger whether a booking exists, its tier,
 * dates or lockout. The claimed reference stays on the record for agents only.
 */
export function standingOf(contact: Contact, customer: Customer | undefined, who: Identification): Standing {
  const known = provenCustomer(contact, customer);
  if (isVerified(who.verification))
    return { verified: true, booking: who.booking, customer: known, pinLocked: who.pinLocked };
  return {
    verified: false,
    customer: known,
    pinLocked: false,
    invalidReference: who.invalidReference,
    note: who.bookingRef
      ? `booking ${who.bookingRef} not verified (${who.verification}): routed as if none was named`
      : undefined,
  };
}
