import { type Sign, sameText } from '../email/reply-token';

// 16 base-32 characters = 80 bits: a link cannot be guessed, and stays short in a mail.
const SIGNATURE_LENGTH = 16;
const TOKEN = /^(CR-[0-9A-HJKMNP-TV-Z]{6})\.([0-9a-z]{1,12})\.([1-5])\.([0-9a-z]{16})$/i;

/** One survey of a case: a case resolved, reopened and resolved again may be asked again. */
export interface SurveyRef {
  readonly caseNumber: string;
  /** The resolution it asks about, as base-36 epoch seconds. */
  readonly serial: string;
}

/** The id of a survey: also the id of its outbound message (one send per survey). */
export function surveyId(ref: SurveyRef): string {
  return `${ref.caseNumber}:survey:${ref.serial}`;
}

/** The survey asked about the resolution at `resolvedAt`. */
export function surveyRefOf(caseNumber: string, resolvedAt: string): SurveyRef {
  return { caseNumber, serial: Math.floor(Date.parse(resolvedAt) / 1000).toString(36) };
}

function signatureOf(ref: SurveyRef, score: number, sign: Sign): string {
  return sign(`survey:${ref.caseNumber}:${ref.serial}:${score}`)
    .toLowerCase()
    .replace(/[^0-9a-z]/g, '')
    .slice(0, SIGNATURE_LENGTH);
}

/** The signed token of one score of one survey, for its one-click link. */
export function surveyToken(ref: SurveyRef, score: number, sign: Sign): string {
  return `${ref.caseNumber}.${ref.serial}.${score}.${signatureOf(ref, score, sign)}`;
}

/** The survey and score a token names, when its signature is right; undefined for anything else. */
export function readSurveyToken(
  token: string,
  sign: Sign,
): { readonly ref: SurveyRef; readonly score: number } | undefined {
  const match = TOKEN.exec(token.trim());
  if (!match) return undefined;
  const ref = { caseNumber: (match[1] as string).toUpperCase(), serial: (match[2] as string).toLowerCase() };
  const score = Number(match[3]);
  const given = (match[4] as string).toLowerCase();
  return sameText(given, signatureOf(ref, score, sign)) ? { ref, score } : undefined;
}
