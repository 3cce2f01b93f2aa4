import { isValidBookingReference } from '../booking-reference';
import { fold } from './normalise';
import { BOOKING_CUE, CURRENCY_AFTER, CURRENCY_BEFORE, OTHER_CUE } from './reference-cues';

// Digit groups joined by one space, dot or dash: "123 456 789-7", "123.456.7897".
const DIGIT_RUN = /\d+(?:[ .\u00a0-]\d+)*/g;
// How far back a cue may sit and still speak for the number.
const CUE_WINDOW = 40;

interface Candidate {
  readonly digits: string;
  readonly groups: readonly string[];
  readonly start: number;
  readonly end: number;
}

/**
 * Finds a booking reference (10 digits, Luhn-valid) in free text; precision first: phone numbers,
 * prices, dates, PINs, card digits and numbers led by a phone/card/price word are never taken.
 * `from` is the sender's number: a candidate equal to its tail is the sender's own phone.
 */
export function extractBookingReference(raw: string, from?: string): string | null {
  // Full-width digits (Chinese keyboards) become ASCII digits.
  const text = raw.normalize('NFKC');
  const senderDigits = from ? from.replace(/\D/g, '') : '';
  let best: { ref: string; score: number } | null = null;
  for (const candidate of candidates(text)) {
    if (!isValidBookingReference(candidate.digits)) continue;
    if (!standsAlone(text, candidate.start, candidate.end)) continue;
    if (senderDigits.length >= 10 && senderDigits.endsWith(candidate.digits)) continue;
    const score = scoreCandidate(text, candidate);
    if (score > 0 && (best === null || score > best.score)) best = { ref: candidate.digits, score };
  }
  return best?.ref ?? null;
}

function* candidates(text: string): Generator<Candidate> {
  for (const match of text.matchAll(DIGIT_RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    const groups = match[0].split(/[ .\u00a0-]/);
    const digits = groups.join('');
    if (digits.length === 10) {
      yield { digits, groups, start, end };
      continue;
    }
    // Runs joined only by spaces may be a reference followed by another number ("… 7897 2 adults").
    if (/[.-]/.test(match[0])) continue;
    yield* spaceJoined(groups, start);
  }
}

// A plain ten-digit group anywhere in the run, or the leading groups that add up to ten digits.
function* spaceJoined(groups: readonly string[], start: number): Generator<Candidate> {
  let offset = start;
  let prefix = '';
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i] ?? '';
    if (group.length === 10) yield { digits: group, groups: [group], start: offset, end: offset + 10 };
    prefix += group;
    if (i > 0 && prefix.length === 10) {
      yield { digits: prefix, groups: groups.slice(0, i + 1), start, end: offset + group.length };
    }
    offset += group.length + 1;
  }
}

// A run glued to letters, a plus sign, a decimal comma or a time is part of something else.
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 4), start);
  const after = text.slice(end, end + 12);
  if (/[\p{Script=Latin}\p{Script=Cyrillic}+/]$|[+)]\s?$|\d[,:]$/u.test(before)) return false;
  if (/^(?:[,:/]\d|[.-]\d|[\p{Script=Latin}])/u.test(after)) return false;
  if (CURRENCY_BEFORE.test(before) || CURRENCY_AFTER.test(after)) return false;
  return true;
}

function scoreCandidate(text: string, candidate: Candidate): number {
  const { groups } = candidate;
  if (groups.length > 1 && !plausibleGrouping(groups)) return 0;
  const prefix = fold(text.slice(Math.max(0, candidate.start - CUE_WINDOW), candidate.start));
  const bookingAt = lastCueEnd(prefix, BOOKING_CUE);
  const otherAt = lastCueEnd(prefix, OTHER_CUE);
  if (otherAt > bookingAt) return 0;
  if (bookingAt >= 0) return 2;
  // Without a booking word only a plain ten-digit number is taken, and not one with a trunk zero.
  return groups.length === 1 && !candidate.digits.startsWith('0') ? 1 : 0;
}

// Groups of at most five digits, never a date inside, never the 2-2-2-2-2 shape of a phone number.
function plausibleGrouping(groups: readonly string[]): boolean {
  if (groups.some((g) => g.length > 5)) return false;
  if (groups.length === 5 && groups.every((g) => g.length === 2)) return false;
  for (let i = 0; i + 2 < groups.length; i++) {
    if (looksLikeDate(groups[i] ?? '', groups[i + 1] ?? '', groups[i + 2] ?? '')) return false;
  }
  return true;
}

function looksLikeDate(a: string, b: string, c: string): boolean {
  const [x, y, z] = [Number(a), Number(b), Number(c)];
  const dayMonthYear = a.length <= 2 && b.length <= 2 && (c.length === 2 || c.length === 4);
  const yearMonthDay = a.length === 4 && b.length <= 2 && c.length <= 2;
  if (dayMonthYear) return x >= 1 && x <= 31 && y >= 1 && y <= 31;
  if (yearMonthDay) return x >= 1900 && x <= 2100 && y >= 1 && y <= 12 && z >= 1 && z <= 31;
  return false;
}

function lastCueEnd(prefix: string, cue: RegExp): number {
  let end = -1;
  for (const m of prefix.matchAll(cue)) end = m.index + m[0].length;
  return end;
}
