import type { Booking } from '../booking';
import { zoneClock } from '../routing/time-zone';
import { DEFAULT_NOTIFICATIONS, type NotificationsPolicy } from './notify-policy';

const MINUTE = 60;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** When the stay starts: midnight of the check-in day at the property (the earliest it could begin). */
export function stayStartsAt(booking: Pick<Booking, 'checkIn' | 'propertyTimeZone'>): number {
  const day = Math.floor(Date.parse(`${booking.checkIn}T00:00:00Z`) / DAY_MS);
  const clock = zoneClock(booking.propertyTimeZone);
  return clock ? clock.toInstant(day, 0) : day * DAY_MS;
}

/**
 * When a booking update may go: now, unless it is night where the guest lives (policy quietHours, in
 * `guestTimeZone`, else the property's zone) and the stay starts more than urgentWithinHours from now;
 * then the coming end of the night (quietHours.until), local time. A night may lie within one day
 * (from 1 until 6) or run past midnight (from 21 until 8).
 */
export function noticeSendAt(
  booking: Pick<Booking, 'checkIn' | 'propertyTimeZone' | 'guestTimeZone'>,
  now: Date,
  policy: Pick<NotificationsPolicy, 'quietHours' | 'urgentWithinHours'> = DEFAULT_NOTIFICATIONS,
): Date {
  const clock = zoneClock(booking.guestTimeZone ?? booking.propertyTimeZone);
  if (!clock) return now;
  const local = clock.local(now.getTime());
  const from = policy.quietHours.from * MINUTE;
  const until = policy.quietHours.until * MINUTE;
  const pastMidnight = from > until;
  const quiet = pastMidnight
    ? local.minute >= from || local.minute < until
    : local.minute >= from && local.minute < until;
  if (!quiet || stayStartsAt(booking) - now.getTime() < policy.urgentWithinHours * HOUR_MS) return now;
  // Before midnight in a night that runs past it, the morning is tomorrow's.
  const morningDay = pastMidnight && local.minute >= from ? local.dayNumber + 1 : local.dayNumber;
  return new Date(clock.toInstant(morningDay, until));
}
