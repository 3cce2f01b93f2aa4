import type { HandOff } from '../ports';
import { type WaitingCase, waitingDueAt } from './escalation';

/** A case's single entry in a waiting list: what agents see before they take it. */
export interface WaitingEntry extends HandOff, WaitingCase {
  /** The contact whose summary and reasons the entry shows (the latest one). */
  readonly latestContactId: string;
}

/**
 * The case's entry after one more hand-off: priority the most urgent of its contacts, summary and
 * reasons of the latest contact, the highest contact count seen. Handing the same contact twice gives
 * the same entry, so a retried hand-off needs no marker of its own.
 */
export function mergeWaitingEntry(existing: WaitingEntry | undefined, handOff: HandOff): WaitingEntry {
  const dueAt = waitingDueAt({ ...handOff, openedAt: handOff.receivedAt });
  const fresh: WaitingEntry = {
    ...handOff,
    dueAt,
    waitingSince: handOff.receivedAt,
    latestContactId: handOff.contactId,
  };
  if (!existing) return fresh;
  const latest = handOff.receivedAt >= existing.receivedAt ? fresh : existing;
  return {
    ...latest,
    // The entry stays where agents already see it; a follow-up routed elsewhere does not move it.
    queue: existing.queue,
    priority: Math.min(existing.priority, handOff.priority),
    urgent: existing.urgent || handOff.urgent,
    emergency: existing.emergency || handOff.emergency,
    verified: existing.verified || handOff.verified,
    contactCount: Math.max(existing.contactCount, handOff.contactCount),
    dueAt: latest === fresh ? dueAt : existing.dueAt,
    waitingSince: existing.waitingSince,
  };
}
