import { findCaseNumber } from '../case';

/** Port-like function: a keyed MAC (HMAC-SHA256 in the adapters) of a value, as lower-case hex or base32. */
export type Sign = (value: string) => string;

// 10 base-32 characters = 50 bits: far beyond guessing through a mailbox, short enough for an address.
const SIGNATURE_LENGTH = 10;
const TOKEN = /\b(CR-[0-9A-HJKMNP-TV-Z]{6})\.([0-9a-z]{10})\b/gi;

function signatureOf(caseNumber: string, sign: Sign): string {
  return sign(`reply:${caseNumber.toUpperCase()}`)
    .toLowerCase()
    .replace(/[^0-9a-z]/g, '')
    .slice(0, SIGNATURE_LENGTH);
}

/** Compares without stopping at the first difference, so timing says nothing about the right signature. */
export function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The signed token of a case, e.g. "CR-7K4M2Q.k3j5h6g7f8". */
export function replyToken(caseNumber: string, sign: Sign): string {
  return `${caseNumber.toUpperCase()}.${signatureOf(caseNumber, sign)}`;
}

/** The reply address of a case: our address with the signed token as a +tag. */
export function replyAddress(ourAddress: string, caseNumber: string, sign: Sign): string {
  const at = ourAddress.lastIndexOf('@');
  return `${ourAddress.slice(0, at)}+${replyToken(caseNumber, sign).toLowerCase()}${ourAddress.slice(at)}`;
}

/** The marker line every acknowledgement carries, found again when the guest's client quotes it. */
export function bodyMarker(caseNumber: string, sign: Sign): string {
  return `[ref:${replyToken(caseNumber, sign)}]`;
}

/**
 * The case a signed token in these places names, when the signature is right. Recipients come first (our
 * reply address survives clients that drop the quote), then the text (the marker survives a changed address).
 */
export function findSignedCase(places: readonly string[], sign: Sign): string | undefined {
  for (const place of places) {
    for (const match of place.matchAll(TOKEN)) {
      const caseNumber = findCaseNumber(match[1] ?? '');
      if (caseNumber && sameText((match[2] ?? '').toLowerCase(), signatureOf(caseNumber, sign)))
        return caseNumber;
    }
  }
  return undefined;
}
