import type { Booking } from '../booking';
import { isVerified } from '../intake/standing';
import type { BookingStore, ContactRecord } from '../ports';

/**
 * The booking the guest of a case proved to hold: the one named by their latest verified contact (PIN
 * or sender match). Undefined while no contact on the case is verified, whatever booking it named, so
 * nothing about a booking reaches a guest before verification (intake/standing.ts).
 */
export async function verifiedBookingOf(
  bookings: Pick<BookingStore, 'getBooking'>,
  contacts: readonly ContactRecord[],
  now: Date,
): Promise<Booking | undefined> {
  const proven = [...contacts]
    .filter((c) => c.bookingRef !== undefined && isVerified(c.verification))
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))[0];
  if (!proven?.bookingRef) return undefined;
  return (await bookings.getBooking(proven.bookingRef, now))?.booking;
}
