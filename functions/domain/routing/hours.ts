import type { CompiledQueue } from './compile-policy';
import { compilePolicy } from './compile-policy';
import type { RoutingPolicy } from './policy-schema';
import { type LocalTime, WEEKDAY_NAMES } from './time-zone';

/** Whether a queue takes contacts at an instant, and why, in the queue's local time. */
export interface QueueHours {
  readonly open: boolean;
  /** e.g. "fr-team closed (Sun 23:10 Europe/Paris)", "fr-team closed (holiday: Noël, Fri 10:00 Europe/Paris)". */
  readonly reason: string;
  /** Local wall clock, ISO-like: "2026-12-25T10:00". */
  readonly localTime: string;
}

/** What decides a queue's state at an instant; route() only builds text when it needs to. */
export type OpenState = 'open' | 'closed' | 'holiday' | 'special';

/**
 * Whether a queue is open at `now`. A holiday or special-hours date replaces the whole local calendar
 * day, including the past-midnight tail of the evening before (the date is what people plan around).
 */
export function isQueueOpen(policy: RoutingPolicy, queueId: string, now: Date): QueueHours {
  const queue = compilePolicy(policy).queues.get(queueId);
  if (!queue) throw new Error(`unknown queue ${queueId}`);
  const local = queue.clock.local(now.getTime());
  const state = openState(queue, local);
  return { open: state === 'open', reason: describeState(queue, local, state), localTime: isoLocal(local) };
}

/** The state of a compiled queue at a local time. */
export function openState(queue: CompiledQueue, local: LocalTime): OpenState {
  if (queue.alwaysOpen) return 'open';
  const override = queue.dates.get(local.dayNumber);
  if (override) {
    if (override.kind === 'holiday') return 'holiday';
    return override.minutes?.[local.minute] === 1 ? 'open' : 'special';
  }
  return queue.week[local.weekday * 1440 + local.minute] === 1 ? 'open' : 'closed';
}

/** Human-readable state, e.g. "fr-team closed (Sun 23:10 Europe/Paris)". */
export function describeState(queue: CompiledQueue, local: LocalTime, state: OpenState): string {
  const when = `${WEEKDAY_NAMES[local.weekday]} ${hhmm(local.minute)} ${queue.timeZone}`;
  if (state === 'open') return `${queue.id} open (${when})`;
  if (state === 'closed') return `${queue.id} closed (${when})`;
  const name = queue.dates.get(local.dayNumber)?.name ?? '';
  return `${queue.id} closed (${state === 'holiday' ? 'holiday' : 'special hours'}: ${name}, ${when})`;
}

function hhmm(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

function isoLocal(local: LocalTime): string {
  return `${new Date(local.dayNumber * 86_400_000).toISOString().slice(0, 10)}T${hhmm(local.minute)}`;
}
