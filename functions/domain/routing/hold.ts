import type { CompiledQueue } from './compile-policy';
import { openState } from './hours';
import type { LocalTime } from './time-zone';

const DAY_MINUTES = 1440;

/**
 * Minutes from `nowMs` until a closed queue opens, looking no further than its hold window; undefined
 * when it does not open in time (or holds nothing). Walks local minutes so holidays and special hours
 * count, then measures the real distance so a daylight-saving switch on the way is not an hour off.
 */
export function minutesUntilOpen(queue: CompiledQueue, local: LocalTime, nowMs: number): number | undefined {
  if (queue.holdMinutes <= 0) return undefined;
  let { dayNumber, weekday, minute } = local;
  // A DST switch can shift the local clock by up to an hour, so look one hour further and check after.
  for (let step = 1; step <= queue.holdMinutes + 60; step++) {
    minute++;
    if (minute === DAY_MINUTES) {
      minute = 0;
      dayNumber++;
      weekday = (weekday + 1) % 7;
    }
    if (openState(queue, { dayNumber, weekday, minute }) !== 'open') continue;
    const wait = Math.ceil((queue.clock.toInstant(dayNumber, minute) - nowMs) / 60_000);
    return wait > 0 && wait <= queue.holdMinutes ? wait : undefined;
  }
  return undefined;
}
