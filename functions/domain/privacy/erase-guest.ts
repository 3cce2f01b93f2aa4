import type { Case } from '../case';
import type { Customer } from '../customer';
import { DependencyError } from '../errors';
import { inlineAnswerOf } from '../outbound/reply-plan';
import type { Clock, ContactCenter, ContactRecord } from '../ports';
import {
  anonymiseCase,
  anonymiseContact,
  anonymiseOutbound,
  isErasedCase,
  isErasedContact,
  isErasedOutbound,
  rawMailRefs,
} from './anonymise';
import { eraseBookingNews } from './erase-news';
import type { ErasureCounts, ErasureLogEntry, ErasureStore, RawMailEraser } from './erasure-ports';
import type { ErasureSubject } from './erasure-subject';

/** What an erasure needs: the store, the raw-mail store, the waiting entries, an id source and a log. */
export interface EraseGuestDeps {
  readonly store: ErasureStore;
  readonly rawMail: RawMailEraser;
  readonly center: Pick<ContactCenter, 'withdraw'>;
  readonly clock: Clock;
  readonly newErasureId: () => string;
  /** Receives the audit record, which names no person. */
  readonly audit: (entry: ErasureLogEntry) => void;
}

/** The answer to an erasure request. */
export interface ErasureResult {
  readonly erasureId: string;
  readonly erased: ErasureCounts;
}

// A guest's message arriving while their case is rewritten makes the save conflict: read again.
const MAX_CASE_ROUNDS = 5;

/** The guest as far as the store knows them: customer, every phone and email, every owner key. */
interface Guest {
  readonly customer: Customer | undefined;
  readonly points: ReadonlySet<string>;
  readonly ownerKeys: ReadonlySet<string>;
}

async function findGuest(store: ErasureStore, subject: ErasureSubject): Promise<Guest> {
  const customer = await store.findCustomer(subject.value);
  // The customer is the person: erasing by one of their numbers erases them under all the others too.
  const points = new Set([
    subject.value,
    ...(customer?.phones ?? []),
    ...(customer?.emails ?? []),
    ...(customer?.messengerIds ?? []),
  ]);
  // A case belongs to the customer id once the sender was known, to the sender address before.
  const ownerKeys = new Set([...(customer ? [customer.id] : []), ...points]);
  return { customer, points, ownerKeys };
}

function isGuests(record: ContactRecord, guest: Guest): boolean {
  if (isErasedContact(record)) return false;
  return (
    guest.points.has(record.from) || (guest.customer !== undefined && record.customerId === guest.customer.id)
  );
}

/** The guest's cases: every latest-case slot of theirs, and the settled cases each one links back to. */
async function casesOf(store: ErasureStore, guest: Guest): Promise<Case[]> {
  const found = new Map<string, Case>();
  const next: string[] = [];
  for (const owner of guest.ownerKeys) next.push(...(await store.latestCasesOf(owner)));
  for (let caseNumber = next.pop(); caseNumber !== undefined; caseNumber = next.pop()) {
    if (found.has(caseNumber)) continue;
    const kase = await store.getCase(caseNumber);
    if (!kase || !(guest.ownerKeys.has(kase.ownerKey) || isErasedCase(kase))) continue;
    found.set(caseNumber, kase);
    if (kase.linkedCase) next.push(kase.linkedCase);
  }
  return [...found.values()];
}

/** The guest's contacts on each of their cases, read before anything is rewritten. */
async function contactsOf(store: ErasureStore, cases: readonly Case[], guest: Guest) {
  const byCase = new Map<string, ContactRecord[]>();
  for (const kase of cases)
    byCase.set(
      kase.caseNumber,
      (await store.contactsOfCase(kase.caseNumber)).filter((record) => isGuests(record, guest)),
    );
  return byCase;
}

/** Of the references found, those whose stored booking is the guest's (customer id, phone or email). */
async function ownBookings(store: ErasureStore, guest: Guest, references: ReadonlySet<string>) {
  const own = new Set<string>();
  for (const reference of references) {
    const booking = await store.getBooking(reference);
    const theirs =
      booking &&
      ((guest.customer !== undefined && booking.customerId === guest.customer.id) ||
        guest.points.has(booking.phone ?? '') ||
        guest.points.has(booking.email ?? ''));
    if (theirs) own.add(reference);
  }
  return own;
}

/**
 * Erases a guest (docs/cases.md, "Erasure and retention"): anonymises their contacts, cases and the
 * outbound ledger records of those cases (counts, topics, queues, times, SLA and delivery figures stay),
 * erases what booking updates and incidents hold about their bookings (eraseBookingNews), deletes their
 * raw mails and the sent mail copies, their bookings, open-case slots, outbound bookkeeping (rate
 * counters, one-per claims, opt-outs) and customer record, and withdraws their waiting entries.
 * What is found by booking reference goes before the contacts and cases that name the references;
 * deletions that make the guest findable come last, so an erasure cut short is finished by running it
 * again; a repeated erasure finds nothing and answers zeros.
 */
export async function eraseGuest(deps: EraseGuestDeps, subject: ErasureSubject): Promise<ErasureResult> {
  const at = deps.clock.now();
  const erasureId = deps.newErasureId();
  const counts = { customers: 0, cases: 0, contacts: 0, rawMails: 0, outbox: 0, bookings: 0 };
  const guest = await findGuest(deps.store, subject);
  const cases = await casesOf(deps.store, guest);
  const contacts = await contactsOf(deps.store, cases, guest);
  const bookingRefs = new Set(guest.customer?.bookingRefs ?? []);
  for (const kase of cases) if (kase.bookingRef) bookingRefs.add(kase.bookingRef);
  for (const record of [...contacts.values()].flat())
    if (record.bookingRef) bookingRefs.add(record.bookingRef);
  const own = await ownBookings(deps.store, guest, bookingRefs);
  const news = await eraseBookingNews(
    deps,
    {
      customerId: guest.customer?.id,
      points: guest.points,
      references: bookingRefs,
      own,
      caseNumbers: cases.map((kase) => kase.caseNumber),
    },
    erasureId,
  );
  counts.outbox += news.outbox;
  for (const kase of cases) {
    for (const record of contacts.get(kase.caseNumber) ?? []) {
      for (const ref of rawMailRefs(record)) if (await deps.rawMail.eraseReceived(ref)) counts.rawMails++;
      await deps.store.replaceContact(anonymiseContact(record));
      counts.contacts++;
      // An inline answer's ledger record is kept on its contact (storeContact): anonymised with it.
      if (inlineAnswerOf(record)) counts.outbox++;
    }
    counts.outbox += await eraseOutbound(deps, kase.caseNumber);
    if (await anonymiseStoredCase(deps, kase.caseNumber, guest, erasureId, at)) counts.cases++;
    // Its waiting entry shows the guest's name, address and words (a no-op when there is none).
    await deps.center.withdraw(kase.caseNumber);
  }
  for (const reference of own) {
    await deps.store.deleteBooking(reference);
    counts.bookings++;
  }
  await deps.store.forgetOwners([...guest.ownerKeys], [...guest.points]);
  if (guest.customer) {
    await deps.store.deleteCustomer(guest.customer);
    counts.customers++;
  }
  const erased = { ...counts, notices: news.notices, incidents: news.incidents };
  deps.audit({ erasureId, subject: subject.kind, at: at.toISOString(), erased });
  return { erasureId, erased };
}

/**
 * Anonymises the outbound ledger records of one of the guest's cases (every message on it went to
 * the guest, or quotes their case), deletes the sent mail copies and the one-per claims naming the
 * address; how many records it changed.
 */
async function eraseOutbound(deps: EraseGuestDeps, caseNumber: string): Promise<number> {
  let erased = 0;
  for (const record of await deps.store.outboundOfCase(caseNumber)) {
    if (isErasedOutbound(record)) continue;
    if (record.channel === 'email' && record.providerMessageId)
      await deps.rawMail.eraseSent([record.providerMessageId]);
    // The claim goes before the record loses its key: an erasure cut short finds both again.
    if (record.onePer) await deps.store.forgetOnePer([record.onePer]);
    await deps.store.replaceOutbound(anonymiseOutbound(record));
    erased++;
  }
  return erased;
}

async function anonymiseStoredCase(
  deps: EraseGuestDeps,
  caseNumber: string,
  guest: Guest,
  erasureId: string,
  at: Date,
): Promise<boolean> {
  for (let round = 0; round < MAX_CASE_ROUNDS; round++) {
    const kase = await deps.store.getCase(caseNumber);
    if (!kase || !guest.ownerKeys.has(kase.ownerKey)) return false;
    if ((await deps.store.replaceCase(anonymiseCase(kase, erasureId, at))) === 'saved') return true;
  }
  throw new DependencyError('case-store', `case ${caseNumber} kept changing while it was erased`);
}
