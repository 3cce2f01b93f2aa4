// Every key in one place so the key-design doc and the code cannot drift apart silently.

/** Key of an item in the main table. */
export interface ItemKey {
  readonly pk: string;
  readonly sk: string;
}

/** The booking item. */
export const bookingKey = (reference: string): ItemKey => ({ pk: `BOOKING#${reference}`, sk: 'BOOKING' });

/** The PIN guard lives next to its booking so one BatchGetItem reads both. */
export const pinGuardKey = (reference: string): ItemKey => ({ pk: `BOOKING#${reference}`, sk: 'PINGUARD' });

/** A copy of the customer under one phone or email: lookup is a single GetItem. */
export const customerLookupKey = (contactPoint: string): ItemKey => ({
  pk: `CUSTOMER#${contactPoint}`,
  sk: 'CUSTOMER',
});

/** The customer by id, remembering which lookups exist so a replace can delete stale ones. */
export const customerKey = (id: string): ItemKey => ({ pk: `CUSTOMERID#${id}`, sk: 'CUSTOMER' });

/** A contact by `${channel}:${channelMessageId}`. */
export const contactKey = (id: string): ItemKey => ({ pk: `CONTACT#${id}`, sk: 'CONTACT' });

/** The case a contact was first routed to, written before any case is: a retry goes there too. */
export const contactCaseKey = (id: string): ItemKey => ({ pk: `CONTACT#${id}`, sk: 'CASE' });

/** A case by number. */
export const caseKey = (caseNumber: string): ItemKey => ({ pk: `CASE#${caseNumber}`, sk: 'CASE' });

/**
 * The open-case slots of an owner, one attribute per booking (openCaseSlot): one GetItem reads them all,
 * so the intake can read them together with the contact and the customer.
 */
export const openCasesKey = (ownerKey: string): ItemKey => ({ pk: `OPEN#${ownerKey}`, sk: 'SLOTS' });

/** The attribute of the open-case slots item that holds the case about a booking (or about none). */
export const openCaseSlot = (bookingRef: string | undefined): string =>
  bookingRef ? `BOOKING#${bookingRef}` : 'NOBOOKING';

/** Partition of the case list on the byCase index (one fixed partition: fine for a demo). */
export const CASE_LIST_PARTITION = 'CASES';
/** Partition of the outbox index: every outbound message, by time. */
export const OUTBOX_PARTITION = 'OUTBOX';
/** Partition of the flagged cases on the outbox index (sparse: only while a case is flagged). */
export const FLAGGED_PARTITION = 'FLAGGED';
/** Partition of the pending hand-offs index. */
export const PENDING_PARTITION = 'PENDING';
/** Partition (on the same sparse index) of outbound messages whose last send failed and may be retried. */
export const UNSENT_PARTITION = 'UNSENT';

/** Partition of a case's contacts on the byCase index. */
export const caseContactsPartition = (caseNumber: string): string => `CASE#${caseNumber}`;

/** Sort key that orders by time and stays unique for equal times. */
export const timeSortKey = (at: string, id: string): string => `${at}#${id}`;

// Email threading and acknowledgement bookkeeping (docs/email.md).
/** Which contact first received a message (Message-ID + recipient): the email door's second idempotency key. */
export const messageClaimKey = (messageKey: string): ItemKey => ({
  pk: `MSGCLAIM#${messageKey}`,
  sk: 'MSGCLAIM',
});

/** The case and contact a message id (inbound, or one of our acknowledgements) belongs to. */
export const messageRefKey = (idKey: string): ItemKey => ({ pk: `MSGID#${idKey}`, sk: 'MSGID' });

// Amazon Connect bookkeeping (functions/adapters/dynamodb/case-task-items.ts).
/** The Connect task currently carrying a case; next to the case item. */
export const caseTaskKey = (caseNumber: string): ItemKey => ({ pk: `CASE#${caseNumber}`, sk: 'TASK' });

/** Which case (and which of its tasks) a Connect contact id belongs to: events name only the contact. */
export const taskRefKey = (contactId: string): ItemKey => ({ pk: `TASKREF#${contactId}`, sk: 'TASKREF' });

/** A contact-centre event already applied (EventBridge and TaskRouter may deliver one twice). */
export const agentEventKey = (source: string, eventId: string): ItemKey => ({
  pk: `AGENTEVENT#${source}#${eventId}`,
  sk: 'AGENTEVENT',
});

/** Where a scheduled sweep resumes reading (a page cursor kept between runs). */
export const sweepCursorKey = (sweep: string): ItemKey => ({ pk: `SWEEP#${sweep}`, sk: 'CURSOR' });

/** Partition of open tasks on the pending index (gsi3, sparse): reconciliation and escalation read it. */
export const OPEN_TASKS_PARTITION = 'OPENTASKS';

// The outbound ledger (functions/adapters/dynamodb/outbound-ledger.ts, docs/dynamodb-key-design.md).
/** One outbound message by its id: the idempotency claim and its delivery record. */
export const outboundKey = (messageId: string): ItemKey => ({ pk: `OUTBOUND#${messageId}`, sk: 'OUTBOUND' });

/**
 * Partition of a case's outbound messages on the byCase index (gsi1): erasure and retention reach the
 * ledger records of a case without a scan. Its own prefix, so the case's contact listing never sees them.
 */
export const caseOutboundPartition = (caseNumber: string): string => `CASEOUT#${caseNumber}`;

/** Partition on the pending index (gsi3) that finds a message by its provider's id (status reports). */
export const providerPartition = (providerMessageId: string): string => `PROVIDER#${providerMessageId}`;

/** Automatic messages counted to an address in one rate window (the message ids, so a retry counts once). */
export const outboundRateKey = (address: string, windowStart: string): ItemKey => ({
  pk: `OUTRATE#${address}`,
  sk: windowStart,
});

/** Whether an address opted out of messages on a channel (STOP, a provider's refusal). */
export const optOutKey = (address: string, channel: string): ItemKey => ({
  pk: `OPTOUT#${address}`,
  sk: channel,
});

/** The one message sent for a one-per key (an email acknowledgement per case and address). */
export const onePerKey = (key: string): ItemKey => ({ pk: `ONEPER#${key}`, sk: 'ONEPER' });

// Satisfaction surveys (functions/domain/survey; docs/cases.md).
/** The latest survey a guest (case owner) was sent: the cool-down is one conditional write on it. */
export const surveyOwnerKey = (ownerKey: string): ItemKey => ({
  pk: `SURVEYOWNER#${ownerKey}`,
  sk: 'SURVEY',
});

/** The survey an address may be answering on a channel (the latest sent to it). */
export const awaitedSurveyKey = (channel: string, address: string): ItemKey => ({
  pk: `SURVEYWAIT#${channel}#${address}`,
  sk: 'SURVEY',
});

// Booking updates (functions/domain/notify; README "Proactive booking updates").
/** One booking notice by its id (the id of the message that carries it). */
export const noticeKey = (id: string): ItemKey => ({ pk: `NOTICE#${id}`, sk: 'NOTICE' });

/** Partition of a booking's notices on the byCase index (gsi1): erasure finds them by reference. */
export const bookingNoticesPartition = (reference: string): string => `NOTICES#${reference}`;

/** Partition of the notices still due on the pending index (gsi3, sparse): the sweep reads it by time. */
export const DUE_NOTICES_PARTITION = 'DUENOTICES';

// Incidents (functions/domain/incidents; docs/incidents.md).
/** An incident, its matched bookings and its notification cursor on one item. */
export const incidentKey = (id: string): ItemKey => ({ pk: `INCIDENT#${id}`, sk: 'INCIDENT' });

/** A case attached to an incident, next to it: one Query lists them all. */
export const incidentCaseKey = (id: string, caseNumber: string): ItemKey => ({
  pk: `INCIDENT#${id}`,
  sk: `CASE#${caseNumber}`,
});

/** Partition of every incident on the byCase index (gsi1), by declaration time. */
export const INCIDENT_LIST_PARTITION = 'INCIDENTS';
/** Partition of the active incidents on the pending index (gsi3, sparse: moved on resolve). */
export const ACTIVE_INCIDENTS_PARTITION = 'ACTIVEINCIDENTS';
/** Partition of resolved incidents whose guests are still being told (gsi3, removed once all were). */
export const RESOLVING_INCIDENTS_PARTITION = 'RESOLVINGINCIDENTS';
