import type { Booking } from '../booking';
import type { Language } from '../languages';
import type { RoutingDecision } from '../routing/decision';
import { CATALOGUE, fill, type MessageSet } from './catalogue';
import { formatStayDate } from './dates';
import { teamName } from './team-names';
import { waitPhrase } from './wait';

/** What of the routing decision the guest is told: who answers, and whether their language team is away. */
export type AnsweringTeam = Pick<RoutingDecision, 'language' | 'teamAway'>;

/** What an acknowledgement says; `booking` is present only once the sender is verified. */
export interface AckFacts {
  readonly language: Language;
  readonly caseNumber: string;
  readonly continued: boolean;
  readonly expectedResponseMinutes: number;
  /** The decision the promise comes from; without it the reply names no team. */
  readonly routing?: AnsweringTeam | undefined;
  readonly verifiedBooking?: Booking | undefined;
  readonly invalidReference?: string | undefined;
  readonly pinLocked?: boolean | undefined;
  /** The contact was shed (a busy queue): say the wait is honest and the answer comes here by message. */
  readonly answeredByMessage?: boolean | undefined;
  /** Sentence that must come first, e.g. the emergency-services notice. */
  readonly preface?: string | undefined;
}

/**
 * The one sentence promising a response, for every door (SMS, email, IVR): the wait in hours and
 * minutes, and, when the guest's language team is away, that it is and who answers instead.
 */
export function responseSentence(language: Language, minutes: number, routing?: AnsweringTeam): string {
  const m = CATALOGUE[language];
  const wait = waitPhrase(language, minutes);
  const away = routing?.teamAway;
  if (!away) return fill(m.responseWithin, { wait });
  const team = teamName(language, away.language);
  if (away.holdMinutes !== undefined) return fill(m.teamHeld, { team, wait });
  // A team of the same language answering instead changes nothing the guest needs to know.
  if (!routing || routing.language === away.language) return fill(m.responseWithin, { wait });
  const fallback = teamName(language, routing.language);
  return fill(away.reason === 'closed' ? m.teamClosed : m.teamUnavailable, { team, fallback, wait });
}

/** A booking's status in the guest's language, its dates written as that language writes dates. */
export function bookingStatus(language: Language, booking: Booking, reference = booking.reference): string {
  const m: MessageSet = CATALOGUE[language];
  return fill(m.status, {
    ref: reference,
    property: booking.propertyName,
    status: m.statuses[booking.status],
    checkIn: formatStayDate(language, booking.checkIn),
    checkOut: formatStayDate(language, booking.checkOut),
  });
}

/** Writes the acknowledgement a customer gets at once, in their language. */
export function composeAck(facts: AckFacts): string {
  const m = CATALOGUE[facts.language];
  const parts: string[] = [];
  if (facts.preface) parts.push(facts.preface);
  parts.push(fill(facts.continued ? m.ackContinued : m.ack, { case: facts.caseNumber }));
  parts.push(responseSentence(facts.language, facts.expectedResponseMinutes, facts.routing));
  if (facts.answeredByMessage) parts.push(m.busyAnswerByMessage);
  if (facts.invalidReference) parts.push(fill(m.invalidReference, { ref: facts.invalidReference }));
  if (facts.pinLocked) parts.push(m.pinLocked);
  if (facts.verifiedBooking) parts.push(bookingStatus(facts.language, facts.verifiedBooking));
  // Chinese sentences end in full-width punctuation and take no space between them.
  return parts.join(facts.language === 'zh' ? '' : ' ');
}
