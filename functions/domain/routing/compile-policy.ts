import type { Language } from '../languages';
import { closedDays } from './holiday-calendar';
import type { QueuePolicy, RoutingPolicy } from './policy-schema';
import { type ZoneClock, zoneClock } from './time-zone';

const DAY_MINUTES = 1440;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A date that overrides the weekly schedule for the whole local day. */
export interface DateOverride {
  readonly kind: 'holiday' | 'special';
  readonly name: string;
  /** Open minutes of that day (1 = open); absent for a holiday. */
  readonly minutes?: Uint8Array | undefined;
}

/** A queue turned into lookup tables: answering "open at this instant?" is a few array reads. */
export interface CompiledQueue {
  readonly id: string;
  readonly language: Language;
  readonly timeZone: string;
  readonly alwaysOpen: boolean;
  readonly clock: ZoneClock;
  /** 7 × 1440 minutes, Monday 00:00 first; 1 = open. */
  readonly week: Uint8Array;
  /** Keyed by local day number (days since 1970-01-01). */
  readonly dates: ReadonlyMap<number, DateOverride>;
  /** Index = priority 1..5 (index 0 unused). */
  readonly responseMinutes: readonly number[];
  /** How far ahead an opening holds written non-urgent contacts for this team, in minutes; 0 = never. */
  readonly holdMinutes: number;
  /** More waiting cases than this shed non-urgent contacts (loadShedding); undefined = never. */
  readonly shedAbove: number | undefined;
}

/** The policy in the form route() reads: tables instead of strings. */
export interface CompiledPolicy {
  readonly policy: RoutingPolicy;
  readonly queues: ReadonlyMap<string, CompiledQueue>;
  readonly fallback: CompiledQueue;
  readonly checkInMinute: number;
  readonly checkOutMinute: number;
}

const compiled = new WeakMap<RoutingPolicy, CompiledPolicy>();

/** Precomputes a loaded policy (cached per policy object, which loadRoutingPolicy freezes). */
export function compilePolicy(policy: RoutingPolicy): CompiledPolicy {
  const known = compiled.get(policy);
  if (known) return known;
  const queues = new Map<string, CompiledQueue>();
  for (const [id, queue] of Object.entries(policy.queues)) queues.set(id, compileQueue(id, queue, policy));
  const fallback = queues.get(policy.fallbackQueue);
  if (!fallback) throw new Error(`fallback queue ${policy.fallbackQueue} missing: load the policy first`);
  const result: CompiledPolicy = {
    policy,
    queues,
    fallback,
    checkInMinute: toMinute(policy.stay.checkInTime),
    checkOutMinute: toMinute(policy.stay.checkOutTime),
  };
  compiled.set(policy, result);
  return result;
}

/** "HH:MM" (or "24:00") → minutes since midnight. */
export function toMinute(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** "YYYY-MM-DD" → days since 1970-01-01, or NaN when it is not a date. */
export function toDayNumber(date: string): number {
  if (date.length !== 10) return Number.NaN;
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000
  );
}

function compileQueue(id: string, queue: QueuePolicy, policy: RoutingPolicy): CompiledQueue {
  const clock = zoneClock(queue.timeZone);
  if (!clock) throw new Error(`queue ${id}: unknown time zone ${queue.timeZone}: load the policy first`);
  const week = new Uint8Array(7 * DAY_MINUTES);
  WEEKDAYS.forEach((day, d) => {
    for (const range of queue.hours[day] ?? []) {
      const open = toMinute(range.open);
      const close = toMinute(range.close);
      // Past midnight: the tail belongs to the next weekday (Sunday's tail to Monday).
      const end = close > open ? close : close + DAY_MINUTES;
      for (let m = open; m < end; m++) week[(d * DAY_MINUTES + m) % week.length] = 1;
    }
  });
  const dates = new Map<number, DateOverride>();
  for (const [date, name] of closedDays(queue, policy.calendar.teams[id]))
    dates.set(toDayNumber(date), { kind: 'holiday', name });
  for (const [date, special] of Object.entries(queue.specialHours)) {
    const minutes = new Uint8Array(DAY_MINUTES);
    for (const range of special.ranges) minutes.fill(1, toMinute(range.open), toMinute(range.close));
    // A holiday on the same date wins: closing is the safe reading of a contradiction.
    if (!dates.has(toDayNumber(date)))
      dates.set(toDayNumber(date), { kind: 'special', name: special.name, minutes });
  }
  const targets = { ...policy.firstResponseMinutes, ...queue.firstResponseMinutes };
  return {
    id,
    language: queue.language,
    timeZone: queue.timeZone,
    alwaysOpen: queue.alwaysOpen,
    clock,
    week,
    dates,
    responseMinutes: [0, targets[1], targets[2], targets[3], targets[4], targets[5]],
    holdMinutes: Math.round((queue.holdWhenOpensWithinHours ?? 0) * 60),
    shedAbove: policy.loadShedding.queues[id]?.waitingCases ?? policy.loadShedding.waitingCases,
  };
}
