import type { Booking } from '../booking';
import { zoneClock } from '../routing/time-zone';

/** The guest's night, in local hours: no booking update starts then unless the stay is imminent. */
export const QUIET_HOURS = { from: 21, until: 8 } as const;

/** A stay starting sooner than this is news that cannot wait for the morning. */
export const URGENT_WITHIN_MS = 24 * 60 * 60 * 1000;

const MINUTE = 60;
const DAY_MS = 86_400_000;

/** When the stay starts: midnight of the check-in day at the property (the earliest it could begin). */
export function stayStartsAt(booking: Pick<Booking, 'checkIn' | 'propertyTimeZone'>): number {
  const day = Math.floor(Date.parse(`${booking.checkIn}T00:00:00Z`) / DAY_MS);
  const clock = zoneClock(booking.propertyTimeZone);
  return clock ? clock.toInstant(day, 0) : day * DAY_MS;
}

/**
 * When a booking update may go: now, unless it is night where the guest lives (QUIET_HOURS, in
 * `guestTimeZone`, else the property's zone) and the stay starts more than a day from now; then the
 * coming morning at QUIET_HOURS.until, local time.
 */
export function noticeSendAt(
  booking: Pick<Booking, 'checkIn' | 'propertyTimeZone' | 'guestTimeZone'>,
  now: Date,
): Date {
  const clock = zoneClock(booking.guestTimeZone ?? booking.propertyTimeZone);
  if (!clock) return now;
  const local = clock.local(now.getTime());
  const quiet = local.minute >= QUIET_HOURS.from * MINUTE || local.minute < QUIET_HOURS.until * MINUTE;
  if (!quiet || stayStartsAt(booking) - now.getTime() < URGENT_WITHIN_MS) return now;
  const morningDay = local.minute >= QUIET_HOURS.from * MINUTE ? local.dayNumber + 1 : local.dayNumber;
  return new Date(clock.toInstant(morningDay, QUIET_HOURS.until * MINUTE));
}
