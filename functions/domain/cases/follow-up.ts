import type { CaseStatus } from '../case';
import type { RoutingPolicy } from '../routing/policy-schema';
import type { CaseLifecycleFields, LifecycleStatus } from './lifecycle-types';

const DAY_MS = 86_400_000;

/** What a guest's new contact does to the case it names (or the guest's latest case). */
export type FollowUpDecision =
  /** The case is still being worked: the contact joins it. */
  | { readonly kind: 'continue' }
  /** Resolved within the policy's reopenWithinDays: the contact reopens it. */
  | { readonly kind: 'reopen' }
  /** Settled too long ago (or closed): a new case that links this one. */
  | { readonly kind: 'new_case'; readonly linkedTo: string }
  /** The case was merged: decide again on the case it went into. */
  | { readonly kind: 'merged'; readonly into: string };

/** The lifecycle view of a stored status: cases stored before the lifecycle say "open", read as waiting. */
export function lifecycleStatus(status: CaseStatus): LifecycleStatus {
  return status === 'open' ? 'waiting' : status;
}

/** Whether a case in this status still takes contacts and waits for someone. */
export function isActive(status: CaseStatus): boolean {
  const s = lifecycleStatus(status);
  return s !== 'resolved' && s !== 'closed' && s !== 'merged';
}

/** Decides, purely, what a new contact at `at` means for a case. */
export function followUpDecision(
  kase: { readonly caseNumber: string; readonly status: CaseStatus } & CaseLifecycleFields,
  at: Date,
  policy: RoutingPolicy,
): FollowUpDecision {
  const status = lifecycleStatus(kase.status);
  if (status === 'merged' && kase.mergedInto) return { kind: 'merged', into: kase.mergedInto };
  if (isActive(status)) return { kind: 'continue' };
  if (status === 'resolved' && kase.resolvedAt !== undefined) {
    const since = at.getTime() - Date.parse(kase.resolvedAt);
    if (since <= policy.cases.reopenWithinDays * DAY_MS) return { kind: 'reopen' };
  }
  return { kind: 'new_case', linkedTo: kase.caseNumber };
}
