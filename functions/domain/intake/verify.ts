import type { Booking } from '../booking';
import { isValidBookingReference } from '../booking-reference';
import { type Contact, keypadOf } from '../contact';
import type { Customer } from '../customer';
import type { BookingStore, PinGuard, PinHasher, Verification } from '../ports';
import { holdsSenderAddress } from './sender';

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

// PIN checks are paused while the guard is full (getBooking returns a guard only while it is live).
function isLocked(guard: PinGuard | undefined): boolean {
  return guard !== undefined && guard.failures >= MAX_PIN_FAILURES;
}

// A customer found by the sender's own phone or address owns the booking's contact points too; an
// address the sender is not proven to hold (caller id, an email From without DMARC) proves nothing.
function senderMatches(contact: Contact, booking: Booking, customer: Customer | undefined): boolean {
  if (!holdsSenderAddress(contact)) return false;
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

const LIMITS = { maxFailures: MAX_PIN_FAILURES, lockMinutes: PIN_LOCK_MINUTES };

/**
 * One PIN attempt, the same steps whether the booking exists or not (the reference gets a guard either
 * way): claim the attempt first, atomically, so guesses in flight together cannot get past the limit;
 * then hash (against a stand-in for an unknown booking); a right PIN releases the claims.
 */
async function checkPin(
  store: BookingStore,
  hasher: PinHasher,
  reference: string,
  booking: Booking | undefined,
  pin: string,
  now: Date,
): Promise<{ verification: Verification; pinLocked: boolean }> {
  const { granted } = await store.claimPinAttempt(reference, now, LIMITS);
  if (!granted) return { verification: 'pin_locked', pinLocked: true };
  let right: boolean;
  try {
    right = await hasher.verify(pin, booking?.pinHash);
  } catch (error) {
    // A deployment fault (a lost pepper) is not a wrong PIN: it must not lock the guest out.
    await store.releasePinAttempt(reference);
    throw error;
  }
  if (!right) return { verification: booking ? 'wrong_pin' : 'unknown_booking', pinLocked: false };
  await store.clearPinFailures(reference);
  return { verification: 'pin', pinLocked: false };
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
  const keypad = keypadOf(contact);
  const explicit = keypad.bookingRef?.replace(/[\s.-]/g, '');
  if (explicit !== undefined && explicit !== '' && !isValidBookingReference(explicit)) {
    return { verification: 'invalid_reference', pinLocked: false, invalidReference: explicit };
  }
  const reference = explicit || textReference || undefined;
  if (reference) {
    const found = await store.getBooking(reference, now);
    const booking = found?.booking;
    // A PIN typed as nothing (silence at the IVR) is an attempt too, so it cannot be repeated for free.
    if (keypad.pin !== undefined)
      return {
        booking,
        bookingRef: reference,
        ...(await checkPin(store, hasher, reference, booking, keypad.pin, now)),
      };
    if (!booking) return { bookingRef: reference, verification: 'unknown_booking', pinLocked: false };
    const verification = senderMatches(contact, booking, customer) ? 'sender_matches' : 'unverified';
    return { booking, bookingRef: reference, verification, pinLocked: isLocked(found?.pinGuard) };
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
