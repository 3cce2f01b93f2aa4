import { isValidBookingReference } from '../booking-reference';
import type { Language } from '../languages';
import { BOOKING_CUE, BOOKING_VERB, isMistypedBookingWord, isSign } from './booking-words';
import { homeMobileStarts } from './home-mobiles';
import { lastMatch } from './last-match';
import { fold } from './normalise';
import { NUMBER_ONLY_CUE, OTHER_CUE } from './other-number-words';
import { INTRODUCED, isNumberOwnedByBooking, isReadInMessage } from './owned-booking-word';
import { namedTheNumber, otherWordInPairsSentence, theNumberNamedAt } from './pairs-sentence';
import { type Candidate, candidates, inPairs, plausibleGrouping, standsAlone } from './ref-candidates';

// How far back a cue may sit and still speak for the number.
const CUE_WINDOW = 40;
// How far back a booking word in the number's own sentence may sit ("my booking, made … , is").
const FAR_WINDOW = 100;
// How far after the number a booking word may name it.
const AFTER_WINDOW = 30;
// Words allowed between a booking word and a number dictated in pairs ("résa c'est le").
const PAIRS_REACH = 3;
// Words allowed between a phone, card or price word and its number.
const OTHER_REACH = 4;
// Sentence ends: a line break (not after a colon: "Booking: ⏎ 79 96 06 82 97" is a label and its
// value), Chinese full stops, "!", "?" or ";" before a space, and a dot before a space after a word of
// four letters or more (not after "tel." or "nr.", nor after a shortened booking word: "Buchungsnr.",
// "Bestätigungsnr.", "pren.", "prenot.", "reserv.", "conf.").
const SENTENCE_END =
  /(?<!:[ \t]*)\n|[。！？；]|[!?;]\s|(?<=\p{L}{4}|\d)(?<!nr|pren|prenot|reserv|buch|conf)\.\s/gu;
const WORD = /[\p{L}\p{M}]+/gu;
// What may stand between a phone word and a number sign that is the phone's ("tel. no.", "Tel.-Nr.").
const SIGN_OWNER_GAP = /^(?:[\s\p{P}]|number|numero|nummer|nomor|номер)*$/u;

interface Cue {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Finds a booking reference (10 digits, Luhn-valid) in free text; precision first: phone numbers,
 * prices, dates, PINs, card digits and numbers led by a phone/card/price word are never taken.
 * `from` is the sender's number: a candidate equal to its tail is the sender's own phone. `from` (its
 * country) and `language` say which bare numbers with a trunk zero could be a mobile written at home.
 */
export function extractBookingReference(raw: string, from?: string, language?: Language): string | null {
  // Full-width digits (Chinese keyboards) become ASCII digits.
  const text = raw.normalize('NFKC');
  const senderDigits = from ? from.replace(/\D/g, '') : '';
  let best: { ref: string; score: number } | null = null;
  for (const candidate of candidates(text)) {
    if (!isValidBookingReference(candidate.digits)) continue;
    if (!standsAlone(text, candidate.start, candidate.end)) continue;
    if (isSendersNumber(senderDigits, candidate.digits)) continue;
    const [view, at] = withoutAsides(text, candidate);
    const score = scoreCandidate(view, at, () => homeMobileStarts(from, language));
    if (score > 0 && (best === null || score > best.score)) best = { ref: candidate.digits, score };
  }
  return best?.ref ?? null;
}

// An aside in brackets before the number ("my confirmation (the one sent to my email yesterday)
// says …", "my booking (made by phone) is …") says nothing about it, so the number is scored as if
// the aside were not there; unless the aside holds a digit or a booking word of its own, or a phone
// word that may speak for the number: "booking question (please call back): …", where no word
// introduces the number after it.
const ASIDE = /\s*\([^()\d\n]{1,100}\)/g;

function withoutAsides(text: string, candidate: Candidate): [string, Candidate] {
  const before = text.slice(0, candidate.start);
  if (!before.includes('(')) return [text, candidate];
  const kept = before.replace(ASIDE, (aside, at: number) => {
    const folded = fold(aside);
    if (folded.search(BOOKING_CUE) >= 0) return aside;
    if (folded.search(OTHER_CUE) < 0) return '';
    const after = fold(before.slice(at + aside.length));
    return after.search(WORD) >= 0 && INTRODUCED.test(after) ? '' : aside;
  });
  const shift = before.length - kept.length;
  if (shift === 0) return [text, candidate];
  const moved = { ...candidate, start: candidate.start - shift, end: candidate.end - shift };
  return [kept + text.slice(candidate.start), moved];
}

// The sender's number as dialled abroad (+33 6…) or at home with the trunk zero (06…).
function isSendersNumber(sender: string, digits: string): boolean {
  if (sender.length < 10) return false;
  return sender.endsWith(digits) || (digits.startsWith('0') && sender.endsWith(digits.slice(1)));
}

// A number dictated in pairs ("ma résa c'est le 52 40 17 83 96", "订单号 61 27 90 35 48") is how phones
// are written too ("06 12 48 73 90"), so it is a reference only when a booking word stands at most
// three words before it, with no comma or question between and no phone, price or other word
// anywhere in its sentence ("el teléfono de la reserva es el 06 02 57 89 99" is refused), and it does
// not start like a mobile written at home.
function scoreCandidate(text: string, candidate: Candidate, mobileStarts: () => readonly string[]): number {
  if (!inPairs(candidate.groups)) return scoreCue(text, candidate, mobileStarts);
  const { digits } = candidate;
  if (digits.startsWith('0') && mobileStarts().includes(digits.slice(0, 2))) return 0;
  const prefix = fold(text.slice(Math.max(0, candidate.start - CUE_WINDOW), candidate.start));
  const sentence = prefix.slice(Math.max(0, lastCueEnd(prefix, SENTENCE_END)));
  // A booking word, or a number sign right before the pairs ("Nº 44 39 57 25 48").
  const cue = lastCue(sentence, BOOKING_CUE) ?? ownSign(text, candidate.start, sentence.length);
  const owner = cue ? cue.start : theNumberNamedAt(sentence);
  if (otherWordInPairsSentence(sentence, owner, isReadInMessage(text, candidate.start), cue !== null))
    return 0;
  const score = scoreCue(text, candidate, mobileStarts, true);
  // A booking word further back in the sentence and the number introduced as one ("they cannot find
  // my booking at all, the number is 52 40 17 83 96") owns the pairs as it owns any number.
  if (score === 2.5 || (score === 3 && INTRODUCED.test(sentence))) return score;
  // No booking word: only "the number is" may own the pairs (scoreCue's 1).
  if (!cue) return owner >= 0 && score === 1 ? 1 : 0;
  if (score < 3) return 0;
  const gap = sentence.slice(cue.end);
  return /[?!,;]/.test(gap) || (gap.match(WORD)?.length ?? 0) > PAIRS_REACH ? 0 : 3;
}

function scoreCue(
  text: string,
  candidate: Candidate,
  mobileStarts: () => readonly string[],
  pairsOwned = false,
): number {
  const { groups, digits } = candidate;
  if (groups.length > 1 && !plausibleGrouping(groups, pairsOwned)) return 0;
  if (isNumberOwnedByBooking(text, candidate.start)) return 0;
  const prefix = fold(text.slice(Math.max(0, candidate.start - CUE_WINDOW), candidate.start));
  // A phone, PIN or card word in an earlier sentence says nothing about this number.
  const sentence = prefix.slice(Math.max(0, lastCueEnd(prefix, SENTENCE_END)));
  const exact = lastCue(prefix, BOOKING_CUE);
  // "№ 1234567897", "Nº …" ("No" once normalised), "n. …": a number sign right before the number.
  const sign = exact?.end === prefix.length ? null : ownSign(text, candidate.start, prefix.length);
  const cue = sign ?? exact;
  let bookingAt = cue ? cue.end : lastMistypedEnd(prefix);
  // A phone, card or price word speaks for the number when close to it: nothing but punctuation
  // between (whatever the sentence), or a few words in the same sentence ("call me on", "the card I
  // used is") — not "my card was declined, … 1234567897" further off.
  let otherEnd = lastCueEnd(prefix, OTHER_CUE);
  // "the booking number in your text is …": the message word says where the number was read.
  const readInMessage = otherEnd >= 0 && isReadInMessage(text, candidate.start);
  if (readInMessage) otherEnd = -1;
  // A number sign after a phone word is the phone's: "tel. no.", "phone #", "Tel.-Nr.", "Handy-Nr.:".
  // Not across a sentence end: "… верните сумму. №5736792291" is a booking sign.
  const sentenceStart = prefix.length - sentence.length;
  if (cue && isSign(cue.text) && otherEnd >= sentenceStart && otherEnd <= cue.start) {
    if (SIGN_OWNER_GAP.test(prefix.slice(otherEnd, cue.start))) [otherEnd, bookingAt] = [cue.end, -1];
  }
  const wordsBetween = otherEnd < 0 ? 0 : (prefix.slice(otherEnd).match(WORD)?.length ?? 0);
  const sameSentence = otherEnd >= sentenceStart;
  const close = wordsBetween === 0 || (sameSentence && wordsBetween <= OTHER_REACH);
  const otherAt = otherEnd >= 0 && close ? otherEnd : -1;
  if (otherAt > bookingAt) return 0;
  // A booking word close before the number in its sentence (3) beats one up to FAR_WINDOW back in
  // the same sentence ("my booking, made on your site last week, has the number …", 2.5), then one
  // named right after ("1234567897 is the booking", 2), then a booking noun (not a verb) left in an
  // earlier sentence ("… is the booking. John ⏎ 739.542.7128", 1.5).
  if (bookingAt >= sentenceStart) return 3;
  if (otherAt < 0 && bookedEarlierInSentence(text, candidate.start, readInMessage)) return 2.5;
  if (otherAt < 0 && namedAfter(text, candidate.end)) return 2;
  if (bookingAt >= 0 && !(cue && BOOKING_VERB.test(cue.text))) return 1.5;
  // Without a booking word only a plain ten-digit number is taken; one with a trunk zero only when
  // nothing calls it "my number" and it does not start like a ten-digit mobile written at home in
  // the sender's country (06/07 in France, 06 in the Netherlands, 04 in Belgium and Australia, 08 in
  // Indonesia; none in Britain or Germany, whose mobiles have eleven digits or more).
  const mobileStart = digits.startsWith('0') && mobileStarts().includes(digits.slice(0, 2));
  // Grouped after "the number is" with no phone, price or other word before it: a caller reading out
  // the booking number.
  if (groups.length > 1) {
    return !mobileStart && namedTheNumber(text, candidate.start, candidate.end) ? 1 : 0;
  }
  if (digits.startsWith('0') && (NUMBER_ONLY_CUE.test(sentence) || mobileStart)) return 0;
  return 1;
}

// "No" (what NFKC makes of "№" and "Nº"), "n." or "n" (a transcript drops the dot) right before the
// number, as a cue ending at `at`. Not "no" in lower case: Portuguese "ligue no 234 717 4456".
function ownSign(text: string, start: number, at: number): Cue | null {
  const m = /(?<![\p{L}])(?:No|N\.?|n\.?)\s?:?\s?$/u.exec(text.slice(Math.max(0, start - 6), start));
  return m ? { start: at - m[0].length, end: at, text: '#' } : null;
}

// A booking word earlier in the number's sentence, up to FAR_WINDOW back, with no phone, price or
// other word after it (but a message word it was read in), and the number introduced as one ("is",
// "the number", ":"): "my booking (made through your app last Tuesday) is 459 929 5757" — not "my
// bookings disappeared because I cannot log into my account 363-555-2478".
function bookedEarlierInSentence(text: string, start: number, readInMessage: boolean): boolean {
  const far = fold(text.slice(Math.max(0, start - FAR_WINDOW), start));
  if (!INTRODUCED.test(far)) return false;
  const sentence = far.slice(Math.max(0, lastCueEnd(far, SENTENCE_END)));
  const booking = lastCue(sentence, BOOKING_CUE);
  if (!booking || isSign(booking.text)) return false;
  return readInMessage || lastCueEnd(sentence, OTHER_CUE) < booking.start;
}

// "1234 567 897 is my booking number", "1234567897 是我的订单号": a booking word right after the
// number, in the same sentence, before any other number or phone word.
function namedAfter(text: string, end: number): boolean {
  // Whole words only: a window cut inside "réservation" must not leave a short form ("reserv").
  const window = text.slice(end, end + AFTER_WINDOW);
  const cut = /\p{L}/u.test(text.charAt(end + AFTER_WINDOW)) ? window.replace(/\p{L}+$/u, '') : window;
  const after = fold(cut);
  const stop = after.search(/\d|\n|[.!?。！？]\s/);
  const rest = stop < 0 ? after : after.slice(0, stop);
  const booking = rest.search(BOOKING_CUE);
  if (booking < 0) return false;
  const other = rest.search(OTHER_CUE);
  return other < 0 || other > booking;
}

function lastMistypedEnd(prefix: string): number {
  let end = -1;
  for (const m of prefix.matchAll(WORD)) if (isMistypedBookingWord(m[0])) end = m.index + m[0].length;
  return end;
}

function lastCue(prefix: string, cue: RegExp): Cue | null {
  const last = lastMatch(prefix, cue);
  return last ? { start: last.index, end: last.index + last[0].length, text: last[0] } : null;
}

function lastCueEnd(prefix: string, cue: RegExp): number {
  return lastCue(prefix, cue)?.end ?? -1;
}
