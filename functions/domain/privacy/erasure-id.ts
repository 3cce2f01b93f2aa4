/** A new erasure id: what the audit trail and the anonymised cases name instead of the guest. */
export function newErasureId(): string {
  // Web Crypto's randomUUID is a global in Node ≥ 19 and in browsers: no import needed.
  return `ER-${globalThis.crypto.randomUUID()}`;
}
