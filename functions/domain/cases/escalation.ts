import type { Topic } from '../classification';
import type { RoutingPolicy } from '../routing/policy-schema';
import type { CaseLifecycleFields } from './lifecycle-types';

const MINUTE_MS = 60_000;

/** What ordering the waiting list needs of a case. */
export interface WaitingCase {
  readonly caseNumber: string;
  /** The case's own priority (the most urgent of its contacts); 1 = first, as Connect's QueuePriority. */
  readonly priority: number;
  readonly topic: Topic;
  /** The target the case waits against; see waitingDueAt(). */
  readonly dueAt: string;
  /** When the case entered the waiting list (arrival). */
  readonly waitingSince: string;
}

/** A waiting case with what the ordering made of it at one instant. */
export interface RankedCase<T extends WaitingCase> {
  readonly entry: T;
  readonly effectivePriority: number;
  readonly emergency: boolean;
}

/** The due time a waiting case is measured against: first response until answered, then resolution. */
export function waitingDueAt(kase: CaseLifecycleFields & { readonly openedAt: string }): string {
  const due = kase.firstResponseAt === undefined ? kase.firstResponseDueAt : kase.resolutionDueAt;
  return due ?? kase.openedAt;
}

/** Whether a case is an emergency (fire, someone hurt): it goes ahead of everything. */
export function isEmergency(topic: Topic): boolean {
  return topic === 'emergency';
}

/**
 * The priority a waiting case has at `now`: one step more urgent per escalation.everyMinutes past its
 * due time (the first step one interval after it), never more urgent than 1 and never less urgent than
 * its own priority. An emergency is always 1.
 */
export function effectivePriority(entry: WaitingCase, now: Date, policy: RoutingPolicy): number {
  if (isEmergency(entry.topic)) return 1;
  const late = now.getTime() - Date.parse(entry.dueAt);
  const steps = late > 0 ? Math.floor(late / (policy.escalation.everyMinutes * MINUTE_MS)) : 0;
  return Math.max(1, Math.min(entry.priority, entry.priority - steps));
}

/**
 * The waiting list in serving order at `now`: effective priority, then emergencies, then earlier due
 * time, then earlier arrival (case number last, so the order is total and stable).
 */
export function orderWaiting<T extends WaitingCase>(
  entries: readonly T[],
  now: Date,
  policy: RoutingPolicy,
): RankedCase<T>[] {
  const keyed = entries.map((entry) => ({
    ranked: {
      entry,
      effectivePriority: effectivePriority(entry, now, policy),
      emergency: isEmergency(entry.topic),
    },
    due: instant(entry.dueAt),
    since: instant(entry.waitingSince),
  }));
  keyed.sort(
    (a, b) =>
      a.ranked.effectivePriority - b.ranked.effectivePriority ||
      Number(b.ranked.emergency) - Number(a.ranked.emergency) ||
      compareNumbers(a.due, b.due) ||
      compareNumbers(a.since, b.since) ||
      (a.ranked.entry.caseNumber < b.ranked.entry.caseNumber
        ? -1
        : a.ranked.entry.caseNumber > b.ranked.entry.caseNumber
          ? 1
          : 0),
  );
  return keyed.map((k) => k.ranked);
}

// An unreadable time sorts last rather than poisoning the comparison with NaN.
function instant(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
