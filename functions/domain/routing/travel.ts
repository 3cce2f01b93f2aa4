import type { Booking } from '../booking';
import type { CompiledPolicy } from './compile-policy';
import { toDayNumber } from './compile-policy';
import { ZoneClock, zoneClock } from './time-zone';

const HOUR_MS = 3_600_000;
const UTC = new ZoneClock('UTC');

/** Where a booking's stay stands relative to now. */
export interface TravelFacts {
  /** Hours from now to the check-in moment; negative once it has passed. */
  readonly hoursUntilCheckIn: number;
  readonly inStay: boolean;
  /** Set when the booking's dates or zone could not be read as they are. */
  readonly note?: string | undefined;
}

/**
 * The stay of an active booking seen from `nowMs`, or undefined when the booking cannot travel any more
 * (cancelled, completed, no-show) or has unreadable dates. The check-in moment is the policy's check-in
 * time (15:00 by default) on the check-in date at the property, in the property's own time zone; the
 * stay ends at the check-out time on the check-out date. Real arrival times are unknown to us.
 */
export function travelFacts(cp: CompiledPolicy, booking: Booking, nowMs: number): TravelFacts | undefined {
  if (booking.status !== 'confirmed' && booking.status !== 'pending') return undefined;
  const checkInDay = toDayNumber(booking.checkIn);
  const checkOutDay = toDayNumber(booking.checkOut);
  if (Number.isNaN(checkInDay) || Number.isNaN(checkOutDay)) return undefined;
  const propertyClock = zoneClock(booking.propertyTimeZone);
  // A bad zone on a stored booking must not lose the contact: UTC is at most a few hours off.
  const clock = propertyClock ?? UTC;
  const checkIn = clock.toInstant(checkInDay, cp.checkInMinute);
  const checkOut = clock.toInstant(checkOutDay, cp.checkOutMinute);
  return {
    hoursUntilCheckIn: (checkIn - nowMs) / HOUR_MS,
    inStay: nowMs >= checkIn && nowMs < checkOut,
    note: propertyClock ? undefined : `property time zone "${booking.propertyTimeZone}" unknown: UTC assumed`,
  };
}
