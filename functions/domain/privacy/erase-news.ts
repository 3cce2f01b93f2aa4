import { type Incident, incidentMessageId } from '../incidents/incident';
import type { OutboundRecord } from '../outbound/ledger';
import { anonymiseOutbound, ERASED, isErasedOutbound } from './anonymise';
import type { BookingNewsStore, RawMailEraser } from './erasure-ports';

/** The guest as the booking news knows them: their ids, addresses, booking references and cases. */
export interface NewsSubject {
  readonly customerId: string | undefined;
  readonly points: ReadonlySet<string>;
  /** Every booking reference on the guest's customer record, cases and contacts. */
  readonly references: ReadonlySet<string>;
  /** Of those, the references whose stored booking is the guest's. */
  readonly own: ReadonlySet<string>;
  readonly caseNumbers: readonly string[];
}

/** What erasing the booking news changed. */
export interface NewsCounts {
  readonly outbox: number;
  readonly notices: number;
  readonly incidents: number;
}

/** What erasing the booking news needs. */
export interface EraseNewsDeps {
  readonly store: BookingNewsStore;
  readonly rawMail: RawMailEraser;
}

/**
 * What takes an erased booking's place in an incident: its position in the matched list, nothing of
 * the guest. The incident's message ids follow it, so its notified count still finds them.
 */
export function erasedReference(position: number): string {
  return `erased-${position + 1}`;
}

/**
 * Moves a message whose id names a booking to an id that does not, without its address and words;
 * whether it was one of the guest's not erased before.
 */
async function moveMessage(
  deps: EraseNewsDeps,
  fromId: string,
  toId: string,
  theirs: (record: OutboundRecord) => boolean,
): Promise<boolean> {
  const record = await deps.store.getOutbound(fromId);
  if (!record || !(isErasedOutbound(record) || theirs(record))) return false;
  if (record.channel === 'email' && record.providerMessageId)
    await deps.rawMail.eraseSent([record.providerMessageId]);
  await deps.store.moveOutbound(fromId, { ...anonymiseOutbound(record), id: toId });
  return !isErasedOutbound(record);
}

/**
 * The guest's booking notices: each one's message moved and anonymised (a held one is never sent),
 * then the notice deleted. A notice is theirs when its booking is, or it names their customer id or
 * one of their addresses.
 */
async function eraseNotices(deps: EraseNewsDeps, guest: NewsSubject, erasureId: string) {
  let outbox = 0;
  let notices = 0;
  for (const reference of guest.references)
    for (const notice of await deps.store.noticesOfBooking(reference)) {
      const theirs =
        guest.own.has(reference) ||
        (guest.customerId !== undefined && notice.customerId === guest.customerId) ||
        guest.points.has(notice.message.to);
      if (!theirs) continue;
      if (await moveMessage(deps, notice.id, `notify:${erasureId}:${notices + 1}`, () => true)) outbox++;
      await deps.store.deleteNotice(notice.id);
      notices++;
    }
  return { outbox, notices };
}

/**
 * One incident's records of one booking: its notice and resolution messages, the guest's attached
 * cases, then the reference itself, which is how a run cut short finds the incident again.
 */
async function eraseFromIncident(
  deps: EraseNewsDeps,
  guest: NewsSubject,
  incident: Incident,
  reference: string,
): Promise<{ outbox: number; touched: boolean }> {
  const position = incident.bookingRefs.indexOf(reference);
  const replacement = position < 0 ? ERASED : erasedReference(position);
  let theirs = guest.own.has(reference);
  let outbox = 0;
  for (const what of ['notice', 'resolved'] as const) {
    const from = incidentMessageId(incident.id, reference, what);
    const to = incidentMessageId(incident.id, replacement, what);
    const moved = await moveMessage(deps, from, to, (r) => theirs || guest.points.has(r.to));
    if (moved) outbox++;
    theirs ||= moved;
  }
  // One by one: erase-guest is granted GetItem, not the BatchGetItem that reads started together share.
  for (const caseNumber of guest.caseNumbers) {
    const kase = await deps.store.incidentCase(incident.id, caseNumber);
    if (kase?.bookingRef === reference) {
      await deps.store.eraseIncidentCase(incident.id, kase.caseNumber, replacement);
      theirs = true;
    }
  }
  if (theirs) await deps.store.replaceIncidentRef(incident.id, reference, replacement);
  return { outbox, touched: theirs };
}

/**
 * Erases what booking updates and incidents stored about the guest's bookings (docs/cases.md,
 * "Erasure"): notices deleted, their messages and the incidents' messages to the guest moved to ids
 * that name no booking and anonymised, attached cases reduced to a contact count, the booking's place
 * in each incident taken by `erased-<position>`. Kept: every count an operator reads. Safe to repeat.
 */
export async function eraseBookingNews(
  deps: EraseNewsDeps,
  guest: NewsSubject,
  erasureId: string,
): Promise<NewsCounts> {
  const notices = await eraseNotices(deps, guest, erasureId);
  let outbox = notices.outbox;
  let incidents = 0;
  for (const incident of await deps.store.incidentsOfBookings([...guest.references])) {
    let touched = false;
    for (const reference of guest.references) {
      const named =
        incident.bookingRefs.includes(reference) ||
        incident.match.bookingRefs?.includes(reference) ||
        incident.resolvedGuests?.includes(reference);
      if (!named) continue;
      const erased = await eraseFromIncident(deps, guest, incident, reference);
      outbox += erased.outbox;
      touched ||= erased.touched;
    }
    if (touched) incidents++;
  }
  return { outbox, notices: notices.notices, incidents };
}
