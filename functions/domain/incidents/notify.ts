import type { Booking } from '../booking';
import type { Deliver } from '../outbound/deliver';
import type { OutboundMessage } from '../outbound/messenger';
import type { Clock } from '../ports';
import { type Incident, type IncidentText, incidentMessageId, textIn } from './incident';
import type { BookingSearch, IncidentStore } from './incident-ports';

/** What sending an incident's messages needs. */
export interface NotifyDeps {
  readonly store: Pick<IncidentStore, 'activeIncidents' | 'advanceNotified'>;
  readonly bookings: Pick<BookingSearch, 'bookingsByRef'>;
  readonly deliver: Deliver;
  readonly clock: Clock;
  readonly perMinute: number;
}

// Sends in flight at once: enough to keep a batch short, few enough not to burst a provider.
const PARALLEL = 10;

/**
 * The message to a booking's guest, on the booking's own contact points only (its phone by SMS, else
 * its email address): never to whoever last wrote about it.
 */
export function guestMessage(
  incident: Incident,
  booking: Booking,
  what: 'notice' | 'resolved',
  text: IncidentText,
  at: string,
): OutboundMessage | undefined {
  const channel = booking.phone ? 'sms' : booking.email ? 'email' : undefined;
  const to = booking.phone ?? booking.email;
  if (!channel || !to) return undefined;
  return {
    id: incidentMessageId(incident.id, booking.reference, what),
    kind: 'incident',
    caseNumber: incident.id,
    channel,
    to,
    language: booking.language,
    text: textIn(text, booking.language),
    subject: channel === 'email' ? incident.title : undefined,
    automatic: true,
    createdAt: at,
  };
}

/** Delivers one message per booking, a few at a time; each id goes out once however often this runs. */
export async function tellGuests(
  deps: Pick<NotifyDeps, 'bookings' | 'deliver' | 'clock'>,
  incident: Incident,
  refs: readonly string[],
  what: 'notice' | 'resolved',
  text: IncidentText,
): Promise<number> {
  const bookings = await deps.bookings.bookingsByRef(refs);
  const at = deps.clock.now().toISOString();
  const messages = bookings.flatMap((b) => guestMessage(incident, b, what, text, at) ?? []);
  for (let i = 0; i < messages.length; i += PARALLEL)
    await Promise.all(messages.slice(i, i + PARALLEL).map((m) => deps.deliver(m)));
  return messages.length;
}

/**
 * How many of an incident's guests may have been told by `now`: `perMinute` in each minute since it
 * was declared, the first minute's share at once.
 */
export function noticesAllowed(incident: Incident, now: Date, perMinute: number): number {
  const minutes = Math.floor((now.getTime() - Date.parse(incident.declaredAt)) / 60_000);
  return Math.min(incident.bookingRefs.length, (Math.max(0, minutes) + 1) * perMinute);
}

/**
 * Sends the notices that are due now, for every active incident that notifies: run on a beat (the
 * local runtime's, a scheduled Lambda), it paces them at `perMinute`. A crash between sending and
 * moving the cursor repeats nothing: the ledger holds each notice's id.
 */
export async function sendDueNotices(deps: NotifyDeps): Promise<number> {
  let sent = 0;
  for (const incident of await deps.store.activeIncidents()) {
    if (!incident.notify) continue;
    const allowed = noticesAllowed(incident, deps.clock.now(), deps.perMinute);
    if (allowed <= incident.notifiedThrough) continue;
    const refs = incident.bookingRefs.slice(incident.notifiedThrough, allowed);
    sent += await tellGuests(deps, incident, refs, 'notice', incident.message);
    await deps.store.advanceNotified(incident.id, allowed);
  }
  return sent;
}
