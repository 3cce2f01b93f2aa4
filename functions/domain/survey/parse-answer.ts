const COMMENT_MAX = 1000;
// A lone digit 1–5, possibly "4/5" or "4 out of 5"-like, then a separator and the comment. "10", "2.5",
// "1234" or "3pm" are not scores: the digit must stand alone.
const SCORE = /^\s*([1-5])(?:\s*\/\s*5)?(?![\p{L}\p{N}]|[.,:]\p{N})[\s\p{P}]*(.*)$/su;

/** A survey answer as the guest typed it: a score from 1 to 5 first, an optional comment after. */
export interface ParsedAnswer {
  readonly score: number;
  readonly comment?: string | undefined;
}

/**
 * Reads a message that starts with a score ("4", "5 great stay", "2/5 – room was cold"); undefined for
 * anything else, so an ordinary message is never taken for an answer. A mail arrives here without the
 * text it quotes (email/strip-quoted.ts), so the comment is the guest's own words.
 */
export function parseSurveyAnswer(text: string): ParsedAnswer | undefined {
  const match = SCORE.exec(text.normalize('NFKC'));
  if (!match) return undefined;
  const comment = (match[2] ?? '').trim().slice(0, COMMENT_MAX);
  return { score: Number(match[1]), ...(comment ? { comment } : {}) };
}
