import type { Booking } from '../booking';
import type { Deliver } from '../outbound/deliver';
import type { OutboundMessage } from '../outbound/messenger';
import type { Clock } from '../ports';
import { type Incident, type IncidentText, incidentMessageId, textIn } from './incident';
import type { BookingSearch, IncidentStore } from './incident-ports';

/** What sending an incident's messages on a beat needs (notices, and resolutions left to tell). */
export interface NotifyDeps {
  readonly store: Pick<
    IncidentStore,
    'activeIncidents' | 'advanceNotified' | 'resolvingIncidents' | 'advanceResolved'
  >;
  readonly bookings: Pick<BookingSearch, 'bookingsByRef'>;
  readonly deliver: Deliver;
  readonly clock: Clock;
  readonly perMinute: number;
}

// Sends in flight at once: enough to keep a batch short, few enough not to burst a provider.
const PARALLEL = 10;

/**
 * Whether a run's time is up (a Lambda's budget): sending stops between batches, so no send is cut off
 * by the timeout halfway (a claimed, unconfirmed notice would never be sent again).
 */
export type TimeUp = () => boolean;

const NEVER: TimeUp = () => false;

/** How far telling went: messages handed to deliver, and how many of the references were done. */
export interface Told {
  readonly told: number;
  readonly through: number;
}

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

/**
 * Delivers one message per booking, a few at a time, until `timeUp`; each id goes out once however
 * often this runs, so a caller that stopped early may start again from `through`.
 */
export async function tellGuests(
  deps: Pick<NotifyDeps, 'bookings' | 'deliver' | 'clock'>,
  incident: Incident,
  refs: readonly string[],
  what: 'notice' | 'resolved',
  text: IncidentText,
  timeUp: TimeUp = NEVER,
): Promise<Told> {
  let told = 0;
  let through = 0;
  while (through < refs.length && !timeUp()) {
    const batch = refs.slice(through, through + PARALLEL);
    const at = deps.clock.now().toISOString();
    const bookings = await deps.bookings.bookingsByRef(batch);
    const messages = bookings.flatMap((b) => guestMessage(incident, b, what, text, at) ?? []);
    await Promise.all(messages.map((m) => deps.deliver(m)));
    told += messages.length;
    through += batch.length;
  }
  return { told, through };
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
 * local runtime's every 10 s, the case-task sweep Lambda's every minute), it paces them at
 * `perMinute`. With `timeUp` it stops between batches and moves the cursor only as far as it got; the
 * next run goes on from there. A crash between sending and moving the cursor repeats nothing: the
 * ledger holds each notice's id.
 */
export async function sendDueNotices(deps: NotifyDeps, timeUp: TimeUp = NEVER): Promise<number> {
  let sent = 0;
  for (const incident of await deps.store.activeIncidents()) {
    if (!incident.notify || timeUp()) continue;
    const allowed = noticesAllowed(incident, deps.clock.now(), deps.perMinute);
    if (allowed <= incident.notifiedThrough) continue;
    const refs = incident.bookingRefs.slice(incident.notifiedThrough, allowed);
    const { told, through } = await tellGuests(deps, incident, refs, 'notice', incident.message, timeUp);
    sent += told;
    if (through > 0) await deps.store.advanceNotified(incident.id, incident.notifiedThrough + through);
  }
  return sent;
}
