/** Longest text looked at: long emails are decided by their first part, which keeps the cost per message flat. */
export const MAX_CHARS = 4000;

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Cleans what any door may hand over: NFKC (full-width digits become ASCII, "№" becomes "No"),
 * replacement characters and control characters become spaces (line breaks stay: they end sentences
 * for the reference extractor), capped at MAX_CHARS.
 */
export function cleanText(text: string): string {
  const capped = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  return capped
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\uFFFD\p{Cc}]/gu, (c) => (c === '\n' ? c : ' '))
    .replace(/[\uD800-\uDFFF]/g, (c, i: number, s: string) => keepPairedSurrogate(c, i, s));
}

// Lone surrogates (from broken UTF-16) would make later regexes with the u flag misbehave.
function keepPairedSurrogate(c: string, i: number, s: string): string {
  const code = c.charCodeAt(0);
  if (code < 0xdc00) {
    const next = s.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff ? c : ' ';
  }
  const prev = s.charCodeAt(i - 1);
  return prev >= 0xd800 && prev < 0xdc00 ? c : ' ';
}

/** Lower case without accents: "Réservation" and "reservation" look the same to the topic model. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}
