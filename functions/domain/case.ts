import type { CaseActor, CaseLifecycleFields, LifecycleStatus } from './cases/lifecycle-types';
import type { Topic } from './classification';
import type { Channel } from './contact';
import type { Language } from './languages';

/**
 * Lifecycle of a case (functions/domain/cases). "open" is what cases stored before the lifecycle say;
 * lifecycleStatus() reads it as "waiting".
 */
export type CaseStatus = 'open' | LifecycleStatus;

/** One step in a case's life; "contact" marks every further message on the case. */
export interface CaseEvent {
  readonly type:
    | 'opened'
    | 'contact'
    | 'acknowledged'
    | 'first_response'
    | 'resolved'
    | 'queued'
    | 'taken'
    | 'connected'
    | 'replied'
    | 'note'
    | 'pending'
    | 'reopened'
    | 'closed'
    | 'merged'
    | 'flagged'
    | 'callback_requested'
    | 'survey_sent'
    | 'satisfaction'
    | 'notified';
  readonly at: string;
  /** Who caused the event (lifecycle transitions always say). */
  readonly by?: CaseActor | undefined;
  /** The case's status after the event. */
  readonly status?: LifecycleStatus | undefined;
  /** For "merged": the case this one went into. */
  readonly linkedCase?: string | undefined;
  readonly channel?: Channel | undefined;
  readonly note?: string | undefined;
  /**
   * The contact a "contact" event is about (appending the same contact twice changes nothing), or the
   * one that opened the case.
   */
  readonly contactId?: string | undefined;
  /** The message to the guest a "replied", "callback_requested", "survey_sent" or "notified" event is about. */
  readonly messageId?: string | undefined;
}

/** The guest's answer to the satisfaction survey sent when the case was resolved. */
export interface Satisfaction {
  /** 1 (very unhappy) to 5 (very happy). */
  readonly score: number;
  readonly comment?: string | undefined;
  readonly at: string;
  /** The survey it answers (functions/domain/survey): one answer per survey. */
  readonly surveyId: string;
  /** The guest's message that carried it; none for an answer by link. */
  readonly contactId?: string | undefined;
}

/** The satisfaction survey sent when the case was last resolved. */
export interface SurveySent {
  readonly id: string;
  readonly sentAt: string;
  /** Where it went: a caller is surveyed by SMS. */
  readonly channel: Exclude<Channel, 'voice'>;
  readonly to: string;
}

/** A customer's request, gathering every contact about it across channels. */
export interface Case extends CaseLifecycleFields {
  /** Human-friendly and safe to read aloud, e.g. "CR-7K4M2Q". */
  readonly caseNumber: string;
  readonly status: CaseStatus;
  /** Who the case belongs to: customer id when known, otherwise the sender address. */
  readonly ownerKey: string;
  readonly customerId?: string | undefined;
  readonly bookingRef?: string | undefined;
  readonly language: Language;
  readonly topic: Topic;
  readonly queue: string;
  readonly priority: number;
  readonly openedAt: string;
  readonly updatedAt: string;
  readonly contactCount: number;
  readonly timeline: readonly CaseEvent[];
  /** The survey sent at the last resolution, and the guest's answer once given. */
  readonly survey?: SurveySent | undefined;
  readonly satisfaction?: Satisfaction | undefined;
  /**
   * The store's change counter, bumped by every write to the case: a save only lands on the revision it
   * read (two writes in the same millisecond share an updatedAt, so that alone cannot tell them apart).
   */
  readonly revision?: number | undefined;
}

// Crockford base32 without I, L, O, U: nothing a caller can misread or mishear.
const CASE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Builds a case number from random integers (one per character), e.g. "CR-7K4M2Q". */
export function formatCaseNumber(randomInts: readonly number[]): string {
  let body = '';
  for (const n of randomInts.slice(0, 6)) body += CASE_ALPHABET[Math.abs(n) % CASE_ALPHABET.length];
  return `CR-${body}`;
}

/** Finds a case number quoted in free text ("Re: [CR-7K4M2Q] …", "case cr 7k4m2q"). */
export function findCaseNumber(text: string): string | undefined {
  const match = /\bCR[-\s]?([0-9A-HJKMNP-TV-Z]{6})\b/i.exec(text);
  return match?.[1] ? `CR-${match[1].toUpperCase()}` : undefined;
}
