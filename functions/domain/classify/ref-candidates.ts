// Currency next to a number makes it a price.
const CURRENCY_BEFORE = /(?:[$€£¥₽]|\b(?:eur|usd|gbp|chf|rub|rp|idr|rmb|cny|r\$|us\$))\s?$/i;
const CURRENCY_AFTER =
  /^\s?(?:[$€£¥₽元]|(?:eur|euros?|usd|dollars?|gbp|chf|rub|руб\w*|rp|idr|rupiah|rmb|cny|yuan|reais|real)(?![\p{L}]))/iu;

// Digit groups joined by one space, dot or dash: "123 456 789-7", "123.456.7897".
const DIGIT_RUN = /\d+(?:[ .\u00a0-]\d+)*/g;

/** Ten digits found in the text, as written (its digit groups) and where. */
export interface Candidate {
  readonly digits: string;
  readonly groups: readonly string[];
  readonly start: number;
  readonly end: number;
}

/** Every run of ten digits (or the leading groups of a longer run adding up to ten) outside a "+" number. */
export function* candidates(text: string): Generator<Candidate> {
  for (const match of text.matchAll(DIGIT_RUN)) {
    const start = match.index;
    // "+44 7700 900123", "+1-415…": every part of an international number belongs to that number.
    if (/[+]\s?$/.test(text.slice(Math.max(0, start - 2), start))) continue;
    const end = start + match[0].length;
    const groups = match[0].split(/[ .\u00a0-]/);
    const digits = groups.join('');
    if (digits.length === 10) {
      yield { digits, groups, start, end };
      continue;
    }
    yield* leadingGroups(match[0], start);
  }
}

// A plain ten-digit group anywhere in the run, or the leading groups that add up to ten digits when
// a space (not a dot or dash inside the same number) follows them: "… 7897 2 adults", "… 2920 2026-02-02".
function* leadingGroups(run: string, start: number): Generator<Candidate> {
  const groups = run.split(/[ .\u00a0-]/);
  let offset = start;
  let prefix = '';
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i] ?? '';
    const groupEnd = offset + group.length;
    const next = run[groupEnd - start] ?? ' ';
    if (group.length === 10 && next === ' ')
      yield { digits: group, groups: [group], start: offset, end: groupEnd };
    prefix += group;
    if (i > 0 && prefix.length === 10 && /[ \u00a0]/.test(next)) {
      yield { digits: prefix, groups: groups.slice(0, i + 1), start, end: groupEnd };
    }
    if (prefix.length > 10 && group.length !== 10) break;
    offset = groupEnd + 1;
  }
}

/** A run glued to letters, a plus sign, a decimal comma or a time is part of something else. */
export function standsAlone(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 4), start);
  const after = text.slice(end, end + 12);
  // "No1234567897" ("№" after NFKC) and "n°…" are a number sign, not a word glued to the digits.
  // A Cyrillic letter before "No" means it was "№" glued to the word ("бронь№…").
  const numberSign = /(?<![\p{Script=Latin}])(?:no|nr|n°)\.?$/iu.test(before);
  if (!numberSign && /[\p{Script=Latin}\p{Script=Cyrillic}+/]$|\+\s?$|\d\)\s?$|\d[,:]$/u.test(before))
    return false;
  if (/^(?:[,:/]\d|[.-]\d|[\p{Script=Latin}])/u.test(after)) return false;
  if (CURRENCY_BEFORE.test(before) || CURRENCY_AFTER.test(after)) return false;
  return true;
}

/**
 * Five pairs ("52 40 17 83 96") or mostly pairs ("4732 28 23 16", three pairs or more in four groups or
 * more): how phones are written, and how many guests dictate a reference.
 */
export function inPairs(groups: readonly string[]): boolean {
  return groups.length >= 4 && groups.filter((g) => g.length === 2).length >= 3;
}

/** Groups of at most five digits, never a date inside; pairs only when `pairsOwned` (a booking word owns them). */
export function plausibleGrouping(groups: readonly string[], pairsOwned = false): boolean {
  if (groups.some((g) => g.length > 5)) return false;
  if (inPairs(groups)) return pairsOwned && !startsWithPairedDate(groups);
  for (let i = 0; i + 2 < groups.length; i++) {
    if (looksLikeDate(groups[i] ?? '', groups[i + 1] ?? '', groups[i + 2] ?? '')) return false;
  }
  return true;
}

// In pairs nearly any three groups could be a day, a month and a year, so only a date at the start
// counts: day and month (either order, one of them ≤ 12) and a year from 20 to 35 ("12 05 26 14 30"),
// or a date with a four-digit year ("2026 05 12 14").
function startsWithPairedDate(groups: readonly string[]): boolean {
  const [a = '', b = '', c = ''] = groups;
  if (a.length === 4 || c.length === 4) return looksLikeDate(a, b, c);
  const [x, y, z] = [a, b, c].map(Number) as [number, number, number];
  const dayMonth = x >= 1 && y >= 1 && ((x <= 31 && y <= 12) || (x <= 12 && y <= 31));
  return dayMonth && z >= 20 && z <= 35;
}

function looksLikeDate(a: string, b: string, c: string): boolean {
  const [x, y, z] = [Number(a), Number(b), Number(c)];
  const dayMonthYear = a.length <= 2 && b.length <= 2 && (c.length === 2 || c.length === 4);
  const yearMonthDay = a.length === 4 && b.length <= 2 && c.length <= 2;
  if (dayMonthYear) return x >= 1 && x <= 31 && y >= 1 && y <= 31;
  if (yearMonthDay) return x >= 1900 && x <= 2100 && y >= 1 && y <= 12 && z >= 1 && z <= 31;
  return false;
}
