import type { Language } from '../languages';
import type { Shedding } from './shed';

/** Agents available per queue, as the contact centre reports; a queue missing here counts as staffed. */
export type Staffing = Readonly<Record<string, number>>;

/** The contact's language team when it is not answering now, so the guest can be told who answers. */
export interface TeamAway {
  /** Queue id of the language team. */
  readonly queue: string;
  /** The language that team works in. */
  readonly language: Language;
  /** Closed by its hours (or a holiday), or open with nobody staffed. */
  readonly reason: 'closed' | 'unstaffed';
  /** Minutes until the team opens, when the contact waits for it instead of going to the fallback. */
  readonly holdMinutes?: number;
}

/** Where a contact goes, how soon, and why. */
export interface RoutingDecision {
  /** Queue id from the routing policy. */
  readonly queue: string;
  /** 1 = first, as Amazon Connect's QueuePriority; larger numbers wait longer. */
  readonly priority: number;
  /** The language the receiving team works in. */
  readonly language: Language;
  /** Expected first response, in minutes, for this priority on this queue (a held contact: opening included). */
  readonly expectedResponseMinutes: number;
  /** True when the natural team was closed or unstaffed and the 24/7 fallback took the contact. */
  readonly fallbackUsed: boolean;
  /** Present when the language team is not answering now (fallback used, or the contact held for it). */
  readonly teamAway?: TeamAway;
  /**
   * Present when the queue is over its load-shedding threshold and the contact is not urgent: it is
   * answered by message (a caller is offered the callback at once) and told the honest expected time.
   */
  readonly shed?: Shedding;
  /** Human-readable, in decision order, e.g. "tier gold: +2", "check-in in 20 h: +3". */
  readonly reasons: readonly string[];
}
