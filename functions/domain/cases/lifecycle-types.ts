/** Where a case is in its life; see docs/cases.md for the diagram. */
export const LIFECYCLE_STATUSES = [
  'new',
  'waiting',
  'with_agent',
  'pending_guest',
  'resolved',
  'closed',
  'merged',
] as const;

/** A status of the case lifecycle. */
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

/** Who moved a case: an agent (by id), the platform itself, or the guest. */
export type CaseActor = { readonly kind: 'agent'; readonly id: string } | 'system' | 'guest';

/** Service-level targets missed; once true, a flag stays true. */
export interface Breaches {
  readonly firstResponse: boolean;
  readonly resolution: boolean;
}

/**
 * Lifecycle fields a case carries besides its identity. All optional so cases stored before the
 * lifecycle existed still read; instants are ISO 8601 UTC strings like the rest of the case.
 */
export interface CaseLifecycleFields {
  /** The first time an agent was connected to or answered the case; set once, never moved. */
  readonly firstResponseAt?: string | undefined;
  /** When the case was last resolved; cleared when it is reopened. */
  readonly resolvedAt?: string | undefined;
  readonly closedAt?: string | undefined;
  /** First-response target from the policy's service levels. */
  readonly firstResponseDueAt?: string | undefined;
  /** Resolution target from the policy's service levels. */
  readonly resolutionDueAt?: string | undefined;
  readonly breaches?: Breaches | undefined;
  /**
   * Since when the resolution clock stands still: the case waits for the guest (pending_guest). On
   * leaving pending_guest, resolutionDueAt moves by the paused time (sla-pause.ts) and this is cleared.
   */
  readonly resolutionPausedAt?: string | undefined;
  /** The agent holding (or who last held) the case. */
  readonly agentId?: string | undefined;
  /** The earlier case this one continues (a contact came after that one was settled). */
  readonly linkedCase?: string | undefined;
  /** The case this one was merged into; a merged case takes nothing more. */
  readonly mergedInto?: string | undefined;
  readonly reopenCount?: number | undefined;
  /**
   * Set when the platform gave up routing the case by itself (tasks kept ending unanswered): a
   * supervisor must look. Cleared once an agent has the case or it is settled.
   */
  readonly flagged?: { readonly reason: string; readonly at: string } | undefined;
}
