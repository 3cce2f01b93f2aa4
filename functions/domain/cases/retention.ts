import type { Case } from '../case';
import type { RoutingPolicy } from '../routing/policy-schema';

const DAY_MS = 86_400_000;

/** The `task` of the event that asks the scheduled case sweep for its retention run. */
export const CLOSE_SETTLED_TASK = 'close-settled';

/** A settled case as the retention sweep lists it. */
export type SettledCase = Pick<Case, 'caseNumber' | 'status' | 'closedAt'>;

/** Port: finds cases due to close (or closed without an expiry yet) and marks a case's items to expire. */
export interface RetentionStore {
  /**
   * Resolved cases resolved at or before `resolvedBefore`, and closed cases whose items carry no expiry
   * yet (a sweep cut short, an erasure), oldest first, at most `limit`.
   */
  listSettled(resolvedBefore: string, limit: number): Promise<SettledCase[]>;
  /** Sets the expiry of the case and every item stored with it (contacts, task, claims); how many. */
  expireCase(caseNumber: string, expiresAt: string): Promise<number>;
}

/** When a case closed at `closedAt` is deleted: the policy's retentionDays later. */
export function retentionExpiry(closedAt: string, policy: Pick<RoutingPolicy, 'cases'>): string {
  return new Date(Date.parse(closedAt) + policy.cases.retentionDays * DAY_MS).toISOString();
}

/** What the retention sweep needs: the store, the policy, and the lifecycle's close action. */
export interface RetentionDeps {
  readonly retention: RetentionStore;
  readonly policy: Pick<RoutingPolicy, 'cases'>;
  /** Applies the lifecycle's `close` action as the system (applyCaseAction); ok when it closed. */
  readonly closeCase: (caseNumber: string, at: Date) => Promise<{ readonly ok: boolean }>;
}

/** What one retention sweep did. */
export interface RetentionRun {
  readonly closed: number;
  readonly expiring: number;
}

/**
 * Closes the cases resolved more than the policy's closeAfterDays ago (the reopen window is long past)
 * and marks each closed case's items to expire retentionDays after it closed. Closing goes through the
 * lifecycle, so a case a guest reopened meanwhile is refused and left alone; the expiry is written only
 * after the close, so no active case ever carries one.
 */
export async function closeSettledCases(
  deps: RetentionDeps,
  now: Date,
  limit: number,
): Promise<RetentionRun> {
  const resolvedBefore = new Date(now.getTime() - deps.policy.cases.closeAfterDays * DAY_MS).toISOString();
  let closed = 0;
  let expiring = 0;
  for (const settled of await deps.retention.listSettled(resolvedBefore, limit)) {
    let closedAt = settled.closedAt;
    if (settled.status === 'resolved') {
      if (!(await deps.closeCase(settled.caseNumber, now)).ok) continue;
      closedAt = now.toISOString();
      closed++;
    }
    // A case closed before the lifecycle recorded closedAt has no date to count from: it stays.
    if (closedAt === undefined) continue;
    await deps.retention.expireCase(settled.caseNumber, retentionExpiry(closedAt, deps.policy));
    expiring++;
  }
  return { closed, expiring };
}
