import type { Booking } from './booking';
import type { Classification, Topic } from './classification';
import type { Channel } from './contact';
import type { Customer } from './customer';
import type { Language } from './languages';
import type { InlineAnswer } from './outbound/ledger';
import type { EmailThread } from './outbound/messenger';
import type { RoutingDecision, Staffing } from './routing/decision';
import type { CaseRecords, ContactLog } from './store-ports';

/**
 * Wrong-PIN bookkeeping for one booking reference (kept for unknown references too, so a lockout looks
 * the same whether or not the booking exists). Expired guards (expiresAt in the past) count as none.
 */
export interface PinGuard {
  /** PIN attempts claimed and not released by a right PIN; at the limit, no PIN is checked until expiresAt. */
  readonly failures: number;
  /** When the guard is forgotten (also the DynamoDB TTL). */
  readonly expiresAt: string;
}

/** How many wrong PINs a booking tolerates, and for how long they count. */
export interface PinLimits {
  readonly maxFailures: number;
  readonly lockMinutes: number;
}

/** Port: bookings, customers and PIN lockouts. */
export interface BookingStore {
  /** The booking and its PIN guard (if one is active at `now`), in one round trip. */
  getBooking(reference: string, now: Date): Promise<{ booking: Booking; pinGuard?: PinGuard } | undefined>;
  /**
   * Claims one PIN attempt before any PIN is checked, atomically: granted only while fewer than
   * `maxFailures` attempts are claimed in the window, so attempts in flight at the same moment cannot
   * get past the limit. A granted claim counts as a wrong PIN until `clearPinFailures` releases it.
   */
  claimPinAttempt(reference: string, now: Date, limits: PinLimits): Promise<{ granted: boolean }>;
  /** Gives back one claimed attempt whose PIN could not be checked (a fault, not a wrong PIN). */
  releasePinAttempt(reference: string): Promise<void>;
  /** Forgets the claimed attempts (the right PIN was given). */
  clearPinFailures(reference: string): Promise<void>;
  /** Finds a customer by E.164 phone number or email address. */
  findCustomer(contactPoint: string): Promise<Customer | undefined>;
  /** Creates or replaces a booking. */
  putBooking(booking: Booking): Promise<void>;
  /** Creates or replaces a customer and the lookups by each phone and email. */
  putCustomer(customer: Customer): Promise<void>;
}

/**
 * What the intake planned to say back to the customer (functions/domain/outbound/reply-plan.ts). How
 * it went is in the outbound ledger under `messageId`; only an answer given in the door's own response
 * (TwiML, IVR prompt) keeps it here, as `answered` (its ledger record, written with the contact).
 */
export interface Reply {
  /** The outbound message carrying it; absent when no answer is due (`reason` says why). */
  readonly messageId?: string | undefined;
  readonly channel: Channel;
  readonly to: string;
  readonly language: Language;
  readonly text: string;
  /** Whether booking details were disclosed (only ever after verification). */
  readonly disclosedBooking: boolean;
  /** The first answer on a case this contact opened. */
  readonly opensCase?: boolean | undefined;
  /** Why no answer is due (auto-reply, bounce, mailing list…). */
  readonly reason?: string | undefined;
  /** How an inline answer went, when deliver recorded it with the contact (inlineAnswerOf). */
  readonly answered?: InlineAnswer | undefined;
}

/** How the sender's identity was checked against the booking. */
export type Verification =
  | 'pin'
  | 'sender_matches'
  | 'unverified'
  | 'wrong_pin'
  | 'pin_locked'
  | 'no_booking'
  | 'unknown_booking'
  | 'invalid_reference';

/** A contact as stored, with everything the pipeline made of it. */
export interface ContactRecord {
  /** `${channel}:${channelMessageId}`: the idempotency key. */
  readonly id: string;
  readonly channel: Channel;
  readonly channelMessageId: string;
  readonly from: string;
  readonly to: string;
  readonly text: string;
  readonly subject?: string | undefined;
  readonly attachments?: readonly string[] | undefined;
  /** Email: the guest's Message-ID and References, so agent replies and surveys thread on this mail. */
  readonly emailThread?: EmailThread | undefined;
  readonly receivedAt: string;
  readonly caseNumber: string;
  readonly customerId?: string | undefined;
  /** The customer's name when known, kept so a retried hand-off still shows it. */
  readonly customerName?: string | undefined;
  readonly bookingRef?: string | undefined;
  readonly verification: Verification;
  /** The incident a verified guest's contact was attached to. */
  readonly incidentId?: string | undefined;
  /** The survey this message answered (its id): stored as what carried the answer, it is no new contact. */
  readonly surveyAnswer?: string | undefined;
  readonly classification: Classification;
  readonly decision: RoutingDecision;
  readonly reply?: Reply | undefined;
  /**
   * pending: to retry; done: on its case's waiting entry; with_agent: its case is with an agent, who
   * sees it there; not_needed: machine mail or a settled case, recorded and never queued.
   */
  readonly handoff: 'pending' | 'done' | 'with_agent' | 'not_needed';
  readonly handoffAttempts: number;
  readonly handoffError?: string | undefined;
}

/**
 * Port: cases and the contacts on them, as one store (the doors' wiring); the domain asks for the
 * smaller ports it uses (functions/domain/store-ports.ts). Every write is conditional, so redelivery is
 * harmless.
 */
export interface CaseStore extends CaseRecords, ContactLog {}

/**
 * A contact handed to agents, carrying what the case's single waiting entry shows: the hand-off of a
 * follow-up updates that entry rather than adding one.
 */
export interface HandOff {
  readonly contactId: string;
  readonly caseNumber: string;
  readonly channel: Channel;
  readonly queue: string;
  readonly priority: number;
  readonly language: Language;
  readonly topic: Topic;
  readonly urgent: boolean;
  readonly verified: boolean;
  readonly bookingRef?: string | undefined;
  readonly customerName?: string | undefined;
  /** Where the customer can be answered: the caller's or sender's number, or the email address. */
  readonly customerAddress: string;
  /** Short description for the agent's task. */
  readonly summary: string;
  readonly reasons: readonly string[];
  readonly receivedAt: string;
  /** Contacts on the case so far, this one included. */
  readonly contactCount: number;
  /** Fire, someone hurt: goes ahead of every other priority-1 case (functions/domain/cases/escalation.ts). */
  readonly emergency: boolean;
  /** The case's service-level targets, when it has them. */
  readonly firstResponseDueAt?: string | undefined;
  readonly resolutionDueAt?: string | undefined;
  /** When an agent first answered the case: from then on it waits against its resolution target. */
  readonly firstResponseAt?: string | undefined;
  /**
   * The case waits again after an agent worked it (a call-back asked for, a low survey score): a work
   * item an agent still holds is not its waiting entry, so a new one is made.
   */
  readonly requeue?: boolean | undefined;
}

/** Port: the agents' side (Amazon Connect tasks, or local waiting lists). */
export interface ContactCenter {
  /**
   * Puts the contact in front of agents through its case's single waiting entry: idempotent by
   * contactId; the first hand-off of a case creates the entry, later ones update it (priority = the most
   * urgent, latest summary, reasons, contact count) and never add a second one.
   */
  handOff(handOff: HandOff): Promise<{ externalId: string }>;
  /** Removes the case's waiting entry (the case was resolved or merged); a no-op when there is none. */
  withdraw(caseNumber: string): Promise<void>;
  /** Agents currently available per queue (queues left out are assumed staffed). */
  staffing(): Promise<Staffing>;
}

/** An email we send. */
export interface OutboundEmail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly inReplyTo?: string | undefined;
  readonly references?: readonly string[] | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** What the mail service says of an email it took. */
export interface SentEmail {
  /** The service's own id of the send (the outbound ledger's provider message id). */
  readonly messageId: string;
  /**
   * The Message-ID the mail left with, when the service replaced the one we wrote: a guest's answer
   * quotes it in In-Reply-To/References.
   */
  readonly sentMessageId?: string | undefined;
}

/** Port: sends email (SES in AWS, .eml files locally). */
export interface Mailer {
  send(email: OutboundEmail): Promise<SentEmail>;
}

/** Port: the time. Lets the local runtime and tests run "as if" at another moment. */
export interface Clock {
  now(): Date;
}

/** Port: PIN hashing, kept out of the domain so it can use a real KDF (async: a KDF must not block). */
export interface PinHasher {
  hash(pin: string): Promise<string>;
  /**
   * Whether `pin` matches `stored`. With no stored hash (an unknown booking) it does the same work and
   * answers false, so an unknown reference costs what a real one does.
   */
  verify(pin: string, stored: string | undefined): Promise<boolean>;
}
