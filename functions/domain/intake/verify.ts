import type { Booking } from '../booking';
import { isValidBookingReference } from '../booking-reference';
import type { Contact } from '../contact';
import type { Customer } from '../customer';
import type { BookingStore, PinGuard, PinHasher, Verification } from '../ports';

/** Wrong PINs allowed before the booking's PIN check is locked. */
export const MAX_PIN_FAILURES = 5;
/** How long a locked PIN check stays locked. */
export const PIN_LOCK_MINUTES = 60;
// A customer with many bookings: only the most recent few are worth a read to find "the" stay.
const CANDIDATE_BOOKINGS = 3;

/** The booking a contact is about and how far the sender is proven to be its guest. */
export interface Identification {
  readonly booking?: Booking | undefined;
  readonly bookingRef?: string | undefined;
  readonly verification: Verification;
  readonly pinLocked: boolean;
  readonly invalidReference?: string | undefined;
}

function isLocked(guard: PinGuard | undefined, now: Date): boolean {
  return guard?.lockedUntil !== undefined && Date.parse(guard.lockedUntil) > now.getTime();
}

// Caller id is trivially spoofed on voice, so a phone call proves nothing without the PIN.
// A customer found by the sender's own phone or address owns the booking's contact points too.
function senderMatches(contact: Contact, booking: Booking, customer: Customer | undefined): boolean {
  if (contact.channel === 'voice') return false;
  // Anyone can write any From: an email address counts only when DMARC vouched for it.
  if (contact.channel === 'email' && contact.senderProven !== true) return false;
  if (customer && booking.customerId === customer.id) return true;
  return contact.from === booking.phone || contact.from === booking.email;
}

// Among a customer's bookings, the stay that is on now or comes next matters most; else the latest.
function mostRelevant(bookings: readonly Booking[], now: Date): Booking | undefined {
  const today = now.toISOString().slice(0, 10);
  const live = bookings.filter(
    (b) => b.checkOut >= today && (b.status === 'confirmed' || b.status === 'pending'),
  );
  const pool = live.length > 0 ? live : bookings;
  return [...pool].sort((a, b) =>
    live.length > 0 ? a.checkIn.localeCompare(b.checkIn) : b.checkIn.localeCompare(a.checkIn),
  )[0];
}

async function checkPin(
  store: BookingStore,
  hasher: PinHasher,
  booking: Booking,
  pin: string,
  guard: PinGuard | undefined,
  now: Date,
): Promise<{ verification: Verification; pinLocked: boolean }> {
  if (isLocked(guard, now)) return { verification: 'pin_locked', pinLocked: true };
  if (await hasher.verify(pin, booking.pinHash)) {
    if (guard && guard.failures > 0) await store.clearPinFailures(booking.reference);
    return { verification: 'pin', pinLocked: false };
  }
  const after = await store.recordPinFailure(booking.reference, now, {
    maxFailures: MAX_PIN_FAILURES,
    lockMinutes: PIN_LOCK_MINUTES,
  });
  return { verification: 'wrong_pin', pinLocked: isLocked(after, now) };
}

/** Finds the booking a contact is about and verifies the sender before anything is disclosed. */
export async function identify(
  store: BookingStore,
  hasher: PinHasher,
  contact: Contact,
  customer: Customer | undefined,
  textReference: string | null,
  now: Date,
): Promise<Identification> {
  const explicit = contact.bookingRef?.replace(/[\s.-]/g, '');
  if (explicit !== undefined && explicit !== '' && !isValidBookingReference(explicit)) {
    return { verification: 'invalid_reference', pinLocked: false, invalidReference: explicit };
  }
  const reference = explicit || textReference || undefined;
  if (reference) {
    const found = await store.getBooking(reference, now);
    if (!found) return { bookingRef: reference, verification: 'unknown_booking', pinLocked: false };
    const { booking, pinGuard } = found;
    if (contact.pin)
      return {
        booking,
        bookingRef: reference,
        ...(await checkPin(store, hasher, booking, contact.pin, pinGuard, now)),
      };
    const verification = senderMatches(contact, booking, customer) ? 'sender_matches' : 'unverified';
    return { booking, bookingRef: reference, verification, pinLocked: isLocked(pinGuard, now) };
  }
  if (!customer || customer.bookingRefs.length === 0) return { verification: 'no_booking', pinLocked: false };
  const loaded = await Promise.all(
    customer.bookingRefs.slice(-CANDIDATE_BOOKINGS).map((ref) => store.getBooking(ref, now)),
  );
  const booking = mostRelevant(
    loaded.flatMap((x) => (x ? [x.booking] : [])),
    now,
  );
  if (!booking) return { verification: 'no_booking', pinLocked: false };
  const verification = senderMatches(contact, booking, customer) ? 'sender_matches' : 'unverified';
  return { booking, bookingRef: booking.reference, verification, pinLocked: false };
}

/** Whether the sender has proven to be the booking's guest. */
export function isVerified(verification: Verification): boolean {
  return verification === 'pin' || verification === 'sender_matches';
}
