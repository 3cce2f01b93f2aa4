import type { Booking } from '../booking';
import type { Case } from '../case';
import type { Customer } from '../customer';
import type { Incident, IncidentCase } from '../incidents/incident';
import type { BookingNotice } from '../notify/notify-ports';
import type { OutboundRecord } from '../outbound/ledger';
import type { ContactRecord } from '../ports';

/**
 * Port: what the booking updates and incidents stored about a guest's bookings, reached by booking
 * reference: the notices, the incidents matching them, and the messages and attached cases of both.
 */
export interface BookingNewsStore {
  /** A booking's notices (held or done). */
  noticesOfBooking(reference: string): Promise<BookingNotice[]>;
  deleteNotice(id: string): Promise<void>;
  getOutbound(id: string): Promise<OutboundRecord | undefined>;
  /**
   * Moves an outbound record whose id names a booking to `record.id`, with `record`'s fields, keeping its
   * indexes, times and delivery bookkeeping; the old item goes. A move cut short is finished by the next
   * one, to the id the first chose.
   */
  moveOutbound(fromId: string, record: OutboundRecord): Promise<void>;
  /** The incidents whose matched bookings include any of `references`. */
  incidentsOfBookings(references: readonly string[]): Promise<Incident[]>;
  incidentCase(incidentId: string, caseNumber: string): Promise<IncidentCase | undefined>;
  /** Replaces an attached case's contact ids by their number and its booking reference by `bookingRef`. */
  eraseIncidentCase(incidentId: string, caseNumber: string, bookingRef: string): Promise<void>;
  /** Replaces a booking reference of an incident (matched and in its match) by `replacement`, in place. */
  replaceIncidentRef(incidentId: string, reference: string, replacement: string): Promise<void>;
}

/** Port: reaches every stored item of a guest by key (no scan) and rewrites or deletes it. */
export interface ErasureStore extends BookingNewsStore {
  findCustomer(contactPoint: string): Promise<Customer | undefined>;
  /** The cases an owner's latest-case slots point at (one per booking, and one about none). */
  latestCasesOf(ownerKey: string): Promise<string[]>;
  getCase(caseNumber: string): Promise<Case | undefined>;
  contactsOfCase(caseNumber: string): Promise<ContactRecord[]>;
  /** The outbound ledger records of a case: every message we sent (or meant to send) on it. */
  outboundOfCase(caseNumber: string): Promise<OutboundRecord[]>;
  getBooking(reference: string): Promise<Booking | undefined>;
  /** Overwrites the case's fields if it is still at the revision read; keeps its keys and indexes. */
  replaceCase(kase: Case): Promise<'saved' | 'conflict'>;
  /** Overwrites the contact's fields; keeps its keys and indexes. */
  replaceContact(record: ContactRecord): Promise<void>;
  /** Overwrites an outbound record's fields; keeps its keys, indexes and delivery bookkeeping. */
  replaceOutbound(record: OutboundRecord): Promise<void>;
  deleteBooking(reference: string): Promise<void>;
  /** Deletes one-per claims (their keys name the address, e.g. one acknowledgement per case and address). */
  forgetOnePer(keys: readonly string[]): Promise<void>;
  /** Deletes the owners' open-case slots, and the addresses' outbound rate counters and opt-outs. */
  forgetOwners(ownerKeys: readonly string[], contactPoints: readonly string[]): Promise<void>;
  /** Deletes the customer and its lookup copy under each phone and email. */
  deleteCustomer(customer: Customer): Promise<void>;
}

/** Port: the raw messages kept outside the table (the .eml files or S3 objects of the mail door). */
export interface RawMailEraser {
  /** Deletes a received message (and its quarantined copy); true when something was there to delete. */
  eraseReceived(rawRef: string): Promise<boolean>;
  /** Deletes the sent copies of our replies by the ids the mail provider gave them; how many were deleted. */
  eraseSent(messageIds: readonly string[]): Promise<number>;
}

/** What one erasure changed, per kind of data; a repeated erasure answers zeros. */
export interface ErasureCounts {
  readonly customers: number;
  readonly cases: number;
  readonly contacts: number;
  readonly rawMails: number;
  readonly outbox: number;
  readonly bookings: number;
  /** Booking notices deleted (held or sent). */
  readonly notices: number;
  /** Incidents whose records of the guest (matched booking, attached cases) were anonymised. */
  readonly incidents: number;
}

/** The audit record of an erasure: its id, what kind of contact point named the guest, and the counts. */
export interface ErasureLogEntry {
  readonly erasureId: string;
  readonly subject: 'phone' | 'email';
  readonly at: string;
  readonly erased: ErasureCounts;
}
