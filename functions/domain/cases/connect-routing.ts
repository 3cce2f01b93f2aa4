import type { RoutingPolicy } from '../routing/policy-schema';
import { effectivePriority, isEmergency, type WaitingCase } from './escalation';

// QueueTimeAdjustmentSeconds is an Integer (32-bit) in the UpdateContactRoutingData API reference.
const INT32_MAX = 2_147_483_647;
// Ten years of routing age: more than any spread of due times, so an emergency outranks every other
// priority-1 contact while the due-time part below keeps its own order.
const EMERGENCY_AGE_SECONDS = 315_360_000;
const DUE_SPREAD_LIMIT = INT32_MAX - EMERGENCY_AGE_SECONDS;

/**
 * What Amazon Connect's UpdateContactRoutingData takes for a case's task so a Connect queue serves in
 * orderWaiting()'s order. Connect routes a queue by QueuePriority (Long, minimum 1; lower first), then
 * by routing age, oldest first; QueueTimeAdjustmentSeconds (Integer) adds to or subtracts from the
 * contact's real time in queue. The API takes one of the two per request, never both: see docs/cases.md.
 */
export interface ConnectRoutingData {
  /** Send whenever the effective priority changes (escalation). */
  readonly queuePriority: number;
  /**
   * Routing age adjustment making Connect's age equal "now − due" (plus ten years for an emergency):
   * earlier due is older, hence served first at equal priority. It depends only on when the task was
   * queued and on the due time, so it is sent once per task (again only if the due time changes).
   */
  readonly queueTimeAdjustmentSeconds: number;
}

/** Connect routing data for a waiting case whose task entered the Connect queue at `enqueuedAt`. */
export function connectRoutingData(
  entry: WaitingCase,
  enqueuedAt: Date,
  now: Date,
  policy: RoutingPolicy,
): ConnectRoutingData {
  const due = Date.parse(entry.dueAt);
  const toDue = Number.isNaN(due) ? 0 : Math.round((enqueuedAt.getTime() - due) / 1000);
  const bounded = Math.max(-DUE_SPREAD_LIMIT, Math.min(DUE_SPREAD_LIMIT, toDue));
  return {
    queuePriority: effectivePriority(entry, now, policy),
    queueTimeAdjustmentSeconds: bounded + (isEmergency(entry.topic) ? EMERGENCY_AGE_SECONDS : 0),
  };
}
