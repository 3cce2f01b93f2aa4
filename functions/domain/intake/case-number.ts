import { formatCaseNumber } from '../case';

// cyrb53: a small, well-mixed 53-bit string hash; enough to spread case numbers, no crypto needed.
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The case number a contact opens, derived from its id so that a redelivered message (even one
 * processed concurrently) computes the same number; `attempt` moves on after a clash.
 */
export function caseNumberFor(contactId: string, attempt: number): string {
  let value = hash53(contactId, attempt);
  const digits: number[] = [];
  for (let i = 0; i < 6; i++) {
    digits.push(value % 32);
    value = Math.floor(value / 32);
  }
  return formatCaseNumber(digits);
}
