import type { CompiledQueue } from './compile-policy';
import type { LocalTime } from './time-zone';

const DAY_MINUTES = 1440;

/**
 * Minutes from `nowMs` until a closed queue opens, looking no further than its hold window; undefined
 * when it does not open in time (or holds nothing). Walks local minutes so holidays and special hours
 * count, then measures the real distance so a daylight-saving switch on the way is not an hour off.
 */
export function minutesUntilOpen(queue: CompiledQueue, local: LocalTime, nowMs: number): number | undefined {
  if (queue.holdMinutes <= 0) return undefined;
  // A DST switch can shift the local clock by up to an hour, so look one hour further and check after.
  let left = queue.holdMinutes + 60;
  let { dayNumber, weekday } = local;
  let from = local.minute + 1;
  while (left > 0) {
    if (from >= DAY_MINUTES) {
      from = 0;
      dayNumber++;
      weekday = (weekday + 1) % 7;
    }
    const end = Math.min(DAY_MINUTES, from + left);
    const minute = firstOpen(queue, dayNumber, weekday, from, end);
    if (minute !== undefined) {
      const wait = Math.ceil((queue.clock.toInstant(dayNumber, minute) - nowMs) / 60_000);
      return wait > 0 && wait <= queue.holdMinutes ? wait : undefined;
    }
    left -= end - from;
    from = end;
  }
  return undefined;
}

// The first open minute in [from, end) of one local day: a date override (holiday, special hours)
// replaces the weekly schedule for the whole day, as openState reads it.
function firstOpen(
  queue: CompiledQueue,
  dayNumber: number,
  weekday: number,
  from: number,
  end: number,
): number | undefined {
  const override = queue.dates.get(dayNumber);
  if (override?.kind === 'holiday') return undefined;
  const table = override ? override.minutes : queue.week;
  const base = override ? 0 : weekday * DAY_MINUTES;
  if (!table) return undefined;
  for (let m = from; m < end; m++) if (table[base + m] === 1) return m;
  return undefined;
}
