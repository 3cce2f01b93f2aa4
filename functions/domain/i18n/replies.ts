import type { Booking } from '../booking';
import type { Language } from '../languages';
import { CATALOGUE, fill } from './catalogue';

/** What an acknowledgement says; `booking` is present only once the sender is verified. */
export interface AckFacts {
  readonly language: Language;
  readonly caseNumber: string;
  readonly continued: boolean;
  readonly expectedResponseMinutes: number;
  readonly verifiedBooking?: Booking | undefined;
  readonly invalidReference?: string | undefined;
  readonly pinLocked?: boolean | undefined;
  /** Sentence that must come first, e.g. the emergency-services notice. */
  readonly preface?: string | undefined;
}

/** Writes the acknowledgement a customer gets at once, in their language. */
export function composeAck(facts: AckFacts): string {
  const m = CATALOGUE[facts.language];
  const parts: string[] = [];
  if (facts.preface) parts.push(facts.preface);
  parts.push(fill(facts.continued ? m.ackContinued : m.ack, { case: facts.caseNumber }));
  const minutes = Math.max(1, Math.round(facts.expectedResponseMinutes));
  parts.push(
    minutes < 120
      ? fill(m.responseMinutes, { n: minutes })
      : fill(m.responseHours, { n: Math.round(minutes / 60) }),
  );
  if (facts.invalidReference) parts.push(fill(m.invalidReference, { ref: facts.invalidReference }));
  if (facts.pinLocked) parts.push(m.pinLocked);
  const b = facts.verifiedBooking;
  if (b) {
    parts.push(
      fill(m.status, {
        ref: b.reference,
        property: b.propertyName,
        status: m.statuses[b.status],
        checkIn: b.checkIn,
        checkOut: b.checkOut,
      }),
    );
  }
  // Chinese sentences end in full-width punctuation and take no space between them.
  return parts.join(facts.language === 'zh' ? '' : ' ');
}
