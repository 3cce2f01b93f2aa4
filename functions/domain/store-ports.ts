import type { Case, CaseEvent } from './case';
import type { ContactRecord } from './ports';

/** Port: a case read and written whole by its lifecycle (functions/domain/cases/apply-action.ts). */
export interface CaseLifecycleStore {
  getCase(caseNumber: string): Promise<Case | undefined>;
  /**
   * Writes the case after a transition and appends its events, only if the stored case was last updated
   * at `expectedUpdatedAt` (nobody moved it since it was read); "conflict" otherwise, nothing written.
   * The stored case keeps its latest contact events only (functions/domain/cases/full-timeline.ts).
   */
  saveCase(
    next: Case,
    expectedUpdatedAt: string,
    events: readonly CaseEvent[],
  ): Promise<'saved' | 'conflict'>;
}

/** The cases an owner holds open, one per booking (and one about no booking): case numbers only. */
export interface OpenCaseSlots {
  readonly noBooking?: string | undefined;
  readonly byBooking: Readonly<Record<string, string>>;
}

/** Port: the cases themselves, and which of them each owner holds open. */
export interface CaseRecords extends CaseLifecycleStore {
  /** The owner's open-case slots, in one read (latestCase chooses among them). */
  openCases(ownerKey: string): Promise<OpenCaseSlots>;
  /**
   * Creates a case unless its number is taken by a case from another origin contact.
   * Returns "exists" when the same origin already created it (redelivery), "taken" on a number clash.
   */
  createCase(kase: Case, originContactId: string): Promise<'created' | 'exists' | 'taken'>;
  /**
   * Claims the open-case slot of an owner and booking for a case number, taking it over from
   * `replacing` (the settled case the new one links); returns the case number that holds it (ours, or
   * another one that won a race).
   */
  claimOpenCase(
    ownerKey: string,
    bookingRef: string | undefined,
    caseNumber: string,
    replacing?: string,
  ): Promise<string>;
  /** Appends an event that is not a contact ("acknowledged") to a case and updates its routing summary. */
  appendToCase(
    caseNumber: string,
    event: CaseEvent,
    update: Partial<Pick<Case, 'queue' | 'priority' | 'topic'>>,
  ): Promise<void>;
  /** The latest cases, newest first. */
  listCases(limit: number): Promise<Case[]>;
  /** The cases flagged for a supervisor, longest flagged first. */
  listFlaggedCases(limit: number): Promise<Case[]>;
}

/** Port: the contacts, each stored once by id, and where each goes. */
export interface ContactLog {
  getContact(id: string): Promise<ContactRecord | undefined>;
  /** Stores a contact unless one with the same id exists; returns the stored one then. */
  putContactOnce(
    record: ContactRecord,
  ): Promise<{ created: true } | { created: false; existing: ContactRecord }>;
  markHandedOff(id: string, outcome: { ok: true } | { ok: false; error: string }): Promise<void>;
  /** Contacts whose hand-off to the contact centre has not succeeded yet, oldest first. */
  listPendingHandoffs(limit: number): Promise<ContactRecord[]>;
  /** Every contact of a case, oldest first. */
  listContactsOfCase(caseNumber: string): Promise<ContactRecord[]>;
  /**
   * Remembers the case a contact goes to (a case number, or "its own" for one it opens) before any
   * case is written; returns what was remembered first, so a retry after a crash goes where the
   * first attempt went even if the sender's open cases changed in between.
   */
  pinContactCase(contactId: string, destination: string): Promise<string>;
}
