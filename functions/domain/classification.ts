import type { Language } from './languages';

/** The topics every contact is sorted into. */
export const TOPICS = [
  'change_booking',
  'cancel_booking',
  'refund',
  'payment',
  'add_service',
  'arrival_problem',
  'account',
  'technical',
  'complaint',
  'general',
  'emergency',
] as const;
/** A contact's topic. */
export type Topic = (typeof TOPICS)[number];

/**
 * Under this topic confidence the classifier is unsure: the contact goes as `general`, with no urgency
 * from its words (an emergency the words name is never demoted). Chosen on the development split.
 */
export const TOPIC_UNSURE_BELOW = 0.15;

/** Whether a topic was guessed too unsurely to act on (emergencies never are). */
export function isTopicUnsure(c: { readonly topic: Topic; readonly topicConfidence?: number }): boolean {
  return c.topicConfidence !== undefined && c.topicConfidence < TOPIC_UNSURE_BELOW && c.topic !== 'emergency';
}

/** What the classifier makes of a contact. */
export interface Classification {
  readonly language: Language;
  /** 0..1: how sure the language is. */
  readonly confidence: number;
  readonly topic: Topic;
  /** 0..1: how sure the topic is; under TOPIC_UNSURE_BELOW the topic is `general` (absent: sure). */
  readonly topicConfidence?: number;
  /** Needs attention now (arrival problem, emergency, change for travel today or tomorrow). */
  readonly urgent: boolean;
  /** A valid booking reference found in the text, or null. */
  readonly bookingRef: string | null;
}

/** What the classifier gets to look at. */
export interface ClassifierInput {
  readonly text: string;
  readonly subject?: string | undefined;
  readonly channel?: string | undefined;
  /** Sender phone (E.164) or email. */
  readonly from?: string | undefined;
  /** Dialled number / our address. */
  readonly to?: string | undefined;
  /** Language already known from the door (IVR menu). */
  readonly languageHint?: Language | undefined;
  /** Language on the booking, when one is known. */
  readonly bookingLanguage?: Language | undefined;
}

/** Port: turns a contact's words into a classification. Pure and synchronous: no I/O. */
export interface Classifier {
  classify(input: ClassifierInput): Classification;
}
