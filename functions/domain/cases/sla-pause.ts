import { compilePolicy } from '../routing/compile-policy';
import type { RoutingPolicy } from '../routing/policy-schema';
import type { LifecycleStatus } from './lifecycle-types';
import { addOpenMinutes, openMsBetween } from './opening-minutes';
import { serviceTarget } from './service-levels';

/** What pausing reads of a case: its resolution target, where it is counted, and the pause. */
export interface PausableCase {
  readonly resolutionDueAt?: string | undefined;
  readonly resolutionPausedAt?: string | undefined;
  /** The queue and priority whose target says which clock counts (unknown: around the clock). */
  readonly queue?: string | undefined;
  readonly priority?: number | undefined;
}

/** The pause fields a transition changes. */
export type PauseChanges = Pick<PausableCase, 'resolutionDueAt' | 'resolutionPausedAt'>;

/**
 * The resolution clock does not run while the case waits for the guest (pending_guest), as support
 * desks count resolution time (the guest's silence is not the team's delay): entering pending_guest
 * stops it; leaving it (the guest answered, an agent connected, the case was resolved or merged)
 * moves resolutionDueAt by the time it stood still, counted in the target's own clock (opening hours
 * or around the clock). Returns the fields to change, or nothing.
 */
export function pauseChanges(
  kase: PausableCase,
  from: LifecycleStatus,
  to: LifecycleStatus,
  at: Date,
  policy: RoutingPolicy,
): PauseChanges {
  if (kase.resolutionDueAt === undefined) return {};
  if (from !== 'pending_guest' && to === 'pending_guest') return { resolutionPausedAt: at.toISOString() };
  if (from !== 'pending_guest' || to === 'pending_guest' || kase.resolutionPausedAt === undefined) return {};
  return {
    resolutionDueAt: resumedDue(kase, kase.resolutionDueAt, kase.resolutionPausedAt, at, policy),
    resolutionPausedAt: undefined,
  };
}

function resumedDue(
  kase: PausableCase,
  due: string,
  pausedAt: string,
  at: Date,
  policy: RoutingPolicy,
): string {
  const dueMs = Date.parse(due);
  const fromMs = Date.parse(pausedAt);
  const toMs = at.getTime();
  if (!(toMs > fromMs)) return due;
  const queue = kase.queue === undefined ? undefined : compilePolicy(policy).queues.get(kase.queue);
  const clock = queue ? serviceTarget(policy, queue.id, kase.priority ?? 5).resolution.clock : undefined;
  if (!queue || clock !== 'opening_hours') return new Date(dueMs + (toMs - fromMs)).toISOString();
  // The opening time that passed while paused, added in opening time after the old due time (the
  // same counting as serviceLevelDue, so the new due time is never in closed time either).
  const paused = openMsBetween(queue, fromMs, toMs);
  const moved = addOpenMinutes(queue, dueMs, paused / 60_000);
  return new Date(moved ?? dueMs + (toMs - fromMs)).toISOString();
}
