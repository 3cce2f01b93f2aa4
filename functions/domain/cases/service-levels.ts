import { compilePolicy } from '../routing/compile-policy';
import type { RoutingPolicy } from '../routing/policy-schema';
import type { ServiceTarget, TargetClock } from './case-policy-schema';
import type { Breaches, CaseLifecycleFields } from './lifecycle-types';
import { addOpenMinutes } from './opening-minutes';

const MINUTE_MS = 60_000;

/** When a case is due, by the policy's service levels. */
export interface ServiceLevelDue {
  readonly firstResponseDueAt: string;
  readonly resolutionDueAt: string;
}

type Priority = 1 | 2 | 3 | 4 | 5;

/** The service-level target of a queue at a priority: the queue's override, else the policy-wide one. */
export function serviceTarget(policy: RoutingPolicy, queueId: string, priority: number): ServiceTarget {
  const p = Math.min(5, Math.max(1, Math.round(priority))) as Priority;
  return policy.serviceLevels.queues[queueId]?.[p] ?? policy.serviceLevels.priorities[p];
}

/**
 * Due times of a case opened at `openedAt` on `queueId` at `priority`. First-response minutes are the
 * policy's firstResponseMinutes (the same figure route() promises as expectedResponseMinutes);
 * resolution minutes and the clock of each target come from serviceLevels (a queue's override first).
 * A target counted in opening hours on a queue that never opens long enough falls back to the clock.
 */
export function serviceLevelDue(
  policy: RoutingPolicy,
  queueId: string,
  priority: number,
  openedAt: Date,
): ServiceLevelDue {
  const queue = compilePolicy(policy).queues.get(queueId);
  if (!queue) throw new Error(`unknown queue ${queueId}`);
  const start = openedAt.getTime();
  if (!Number.isFinite(start)) throw new Error('openedAt is not a valid time');
  const p = Math.min(5, Math.max(1, Math.round(priority))) as Priority;
  const target = serviceTarget(policy, queueId, p);
  const due = (minutes: number, clock: TargetClock) => {
    const counted = clock === 'opening_hours' ? addOpenMinutes(queue, start, minutes) : undefined;
    return new Date(counted ?? start + minutes * MINUTE_MS).toISOString();
  };
  return {
    firstResponseDueAt: due(queue.responseMinutes[p] ?? 0, target.firstResponse.clock),
    resolutionDueAt: due(target.resolution.minutes, target.resolution.clock),
  };
}

/**
 * Breach flags at `now`: a target is breached when its event (first response, resolution) came after
 * the due time, or has not come and `now` is past it. While the resolution clock is paused (the case
 * waits for the guest, sla-pause.ts) it stands at the moment it stopped. A flag once set stays set
 * (reopening a late case does not make it punctual).
 */
export function breachesAt(kase: CaseLifecycleFields, now: Date): Breaches {
  const late = (due: string | undefined, done: string | undefined, stoppedAt?: string) =>
    due !== undefined &&
    (done !== undefined ? Date.parse(done) : stoppedAt ? Date.parse(stoppedAt) : now.getTime()) >
      Date.parse(due);
  return {
    firstResponse:
      (kase.breaches?.firstResponse ?? false) || late(kase.firstResponseDueAt, kase.firstResponseAt),
    resolution:
      (kase.breaches?.resolution ?? false) ||
      late(kase.resolutionDueAt, kase.resolvedAt, kase.resolutionPausedAt),
  };
}
