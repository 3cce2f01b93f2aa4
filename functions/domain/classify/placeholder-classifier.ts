import { isValidBookingReference } from '../booking-reference';
import type { Classification, Classifier, ClassifierInput, Topic } from '../classification';

// A stand-in until the real classifier lands: a few English keywords and an explicit reference pattern.
const KEYWORDS: ReadonlyArray<readonly [Topic, RegExp]> = [
  ['emergency', /\b(emergency|ambulance|fire|police|injured)\b/i],
  ['arrival_problem', /\b(overbooked|no room|reception (is )?closed|nobody at reception)\b/i],
  ['cancel_booking', /\bcancel/i],
  ['refund', /\brefund/i],
  ['change_booking', /\b(change|modify)\b/i],
  ['payment', /\b(payment|charged|card)\b/i],
];

/** Placeholder behind the Classifier port: booking language, a handful of keywords, no learning. */
export class PlaceholderClassifier implements Classifier {
  classify(input: ClassifierInput): Classification {
    const text = `${input.subject ?? ''} ${input.text}`;
    const topic = KEYWORDS.find(([, re]) => re.test(text))?.[0] ?? 'general';
    const candidate = /\b\d{10}\b/.exec(text)?.[0];
    return {
      language: input.languageHint ?? input.bookingLanguage ?? 'en',
      confidence: input.languageHint ? 1 : 0.3,
      topic,
      urgent: topic === 'emergency' || topic === 'arrival_problem',
      bookingRef: candidate && isValidBookingReference(candidate) ? candidate : null,
    };
  }
}
