import type { Case, CaseEvent } from '../case';
import type { ContactRecord } from '../ports';

/**
 * How many "contact" events a stored case keeps: enough for a redelivery to find its contact there (the
 * retry of a message racing its original, or one re-sent a while later) while a case flooded with
 * thousands of messages costs a follow-up the same as a fresh one. Older contact events live on as the
 * contacts themselves (fullTimeline).
 */
export const RECENT_CONTACT_EVENTS = 50;

/** The events a stored case keeps: every lifecycle event, and its latest contact events only. */
export function boundedTimeline(events: readonly CaseEvent[]): CaseEvent[] {
  let contacts = events.filter((e) => e.type === 'contact').length;
  return events.filter((e) => e.type !== 'contact' || contacts-- <= RECENT_CONTACT_EVENTS);
}

/**
 * The whole timeline of a case: its stored events, plus a "contact" event for each of its contacts whose
 * own event the stored case no longer keeps (or never had: the contact that opened it), in time order.
 */
export function fullTimeline(kase: Case, contacts: readonly ContactRecord[]): CaseEvent[] {
  const told = new Set(kase.timeline.flatMap((e) => (e.contactId ? [e.contactId] : [])));
  const older: CaseEvent[] = contacts
    .filter((c) => !told.has(c.id))
    .map((c) => ({ type: 'contact', at: c.receivedAt, by: 'guest', channel: c.channel, contactId: c.id }));
  // Stable: equal times keep stored events before the restored ones.
  return [...kase.timeline, ...older].sort((a, b) => a.at.localeCompare(b.at));
}
