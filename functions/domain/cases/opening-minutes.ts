import type { CompiledQueue } from '../routing/compile-policy';
import { openState } from '../routing/hours';

const MINUTE_MS = 60_000;
// A queue that opens less than a target within this long is treated as never opening for it.
const HORIZON_MS = 400 * 86_400_000;

/**
 * The instant by which `minutes` of the queue's opening time (weekly hours, holidays and special hours
 * as hours.ts reads them) have passed since `startMs`; undefined when the queue does not open that long
 * within 400 days. The result is inside opening time or exactly at a closing time, never in closed time.
 */
export function addOpenMinutes(queue: CompiledQueue, startMs: number, minutes: number): number | undefined {
  let remaining = minutes * MINUTE_MS;
  if (queue.alwaysOpen || remaining <= 0) return startMs + Math.max(remaining, 0);
  const limit = startMs + HORIZON_MS;
  let cursor = startMs;
  // Offsets are whole minutes, so UTC minute boundaries are local minute boundaries too.
  while (cursor <= limit) {
    const boundary = (Math.floor(cursor / MINUTE_MS) + 1) * MINUTE_MS;
    if (openState(queue, queue.clock.local(cursor)) === 'open') {
      const counted = Math.min(remaining, boundary - cursor);
      remaining -= counted;
      if (remaining === 0) return cursor + counted;
    }
    cursor = boundary;
  }
  return undefined;
}

/** Whether the queue is open during the millisecond before `ms` (what "due inside opening time" means). */
export function openJustBefore(queue: CompiledQueue, ms: number): boolean {
  return openState(queue, queue.clock.local(ms - 1)) === 'open';
}

/** The queue's opening time between `fromMs` and `toMs`, in milliseconds (0 when closed throughout). */
export function openMsBetween(queue: CompiledQueue, fromMs: number, toMs: number): number {
  if (queue.alwaysOpen || toMs <= fromMs) return Math.max(toMs - fromMs, 0);
  let open = 0;
  let cursor = fromMs;
  while (cursor < toMs) {
    const boundary = Math.min((Math.floor(cursor / MINUTE_MS) + 1) * MINUTE_MS, toMs);
    if (openState(queue, queue.clock.local(cursor)) === 'open') open += boundary - cursor;
    cursor = boundary;
  }
  return open;
}
