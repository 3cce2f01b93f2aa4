import type { Language } from '../languages';

/** Agents available per queue, as the contact centre reports; a queue missing here counts as staffed. */
export type Staffing = Readonly<Record<string, number>>;

/** Where a contact goes, how soon, and why. */
export interface RoutingDecision {
  /** Queue id from the routing policy. */
  readonly queue: string;
  /** 1 = first, as Amazon Connect's QueuePriority; larger numbers wait longer. */
  readonly priority: number;
  /** The language the receiving team works in. */
  readonly language: Language;
  /** Expected first response, in minutes, for this priority on this queue. */
  readonly expectedResponseMinutes: number;
  /** True when the natural team was closed or unstaffed and the 24/7 fallback took the contact. */
  readonly fallbackUsed: boolean;
  /** Human-readable, in decision order, e.g. "tier gold: +2", "check-in in 20 h: +3". */
  readonly reasons: readonly string[];
}
