import type { LoyaltyTier } from './booking';
import type { Language } from './languages';

/** A guest known to the platform, reachable by any of their phones or email addresses. */
export interface Customer {
  readonly id: string;
  readonly name: string;
  /** E.164 numbers. */
  readonly phones: readonly string[];
  /** Lower-cased addresses. */
  readonly emails: readonly string[];
  /**
   * Messenger accounts proven to be the customer's, as contact addresses (`telegram:<user id>`): the
   * account shared its own phone number, one of `phones`. A message from one finds this customer.
   */
  readonly messengerIds?: readonly string[] | undefined;
  readonly language: Language;
  readonly tier: LoyaltyTier;
  /** References of the customer's bookings, so a contact without a reference can still find its stay. */
  readonly bookingRefs: readonly string[];
}

/** Lower-cases and trims an email address so lookups match however it was typed. */
export function normaliseEmail(address: string): string {
  return address.trim().toLowerCase();
}
