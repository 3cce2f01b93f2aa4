import type { CompiledPolicy, CompiledQueue } from './compile-policy';
import type { RoutingDecision } from './decision';

/** Waiting cases per policy queue id, as the contact centre counts them now. */
export type WaitingCounts = Readonly<Record<string, number>>;

/** Why a contact was shed: its queue had more waiting cases than its threshold. */
export interface Shedding {
  readonly waitingCases: number;
  readonly threshold: number;
  /** The policy's promise before shedding, for when the contact turns out urgent after all. */
  readonly targetMinutes: number;
}

/** What load shedding decided for one contact. */
export interface ShedVerdict {
  /** Present when the contact is shed: answered by message, a caller offered a callback at once. */
  readonly shed?: Shedding | undefined;
  /** The honest expected first response (the target, or later when the queue is shed). */
  readonly expectedMinutes: number;
  /** Why, for the decision's reasons; absent when the queue is under its threshold (or unknown). */
  readonly reason?: string | undefined;
}

/** Whether any queue of the policy can shed: when none can, the waiting counts need not be read. */
export function anyQueueSheds(cp: CompiledPolicy): boolean {
  for (const queue of cp.queues.values()) if (queue.shedAbove !== undefined) return true;
  return false;
}

/**
 * Load shedding for a contact routed to `queue`: with more waiting cases than the queue's threshold, a
 * non-urgent contact is shed and told waiting cases × minutesPerCase (never less than the target); an
 * urgent one never is. Everything it reads — queue, priority, urgency, waiting count — is what the
 * contact's standing allows (an unverified sender's depend on no booking), so shedding tells nothing.
 */
export function shedding(
  cp: CompiledPolicy,
  queue: CompiledQueue,
  targetMinutes: number,
  urgent: boolean,
  waiting: WaitingCounts | undefined,
): ShedVerdict {
  const threshold = queue.shedAbove;
  const waitingCases = waiting?.[queue.id];
  if (threshold === undefined || waitingCases === undefined || waitingCases <= threshold)
    return { expectedMinutes: targetMinutes };
  const load = `${queue.id} has ${waitingCases} waiting cases (over ${threshold})`;
  if (urgent) return { expectedMinutes: targetMinutes, reason: `${load}: urgent, never shed` };
  const honest = Math.ceil(waitingCases * cp.policy.loadShedding.minutesPerCase);
  const expectedMinutes = Math.max(targetMinutes, honest);
  return {
    shed: { waitingCases, threshold, targetMinutes },
    expectedMinutes,
    reason: `${load}: shed, answered by message (callback offered at once), expected in ${expectedMinutes} min`,
  };
}

/** The decision without shedding (the contact became critical after routing, e.g. by its incident). */
export function unshed(decision: RoutingDecision, why: string): RoutingDecision {
  const { shed, ...rest } = decision;
  if (!shed) return decision;
  return {
    ...rest,
    expectedResponseMinutes: shed.targetMinutes,
    reasons: [...decision.reasons, `${why}: not shed`],
  };
}
