import { createHmac } from 'node:crypto';

/** Shortest pepper accepted: below this the HMAC adds little against a copied table. */
export const MIN_PEPPER_LENGTH = 16;

/** One pepper and the public id written into the hashes made with it. */
export interface Pepper {
  readonly id: string;
  readonly key: string;
}

/**
 * The peppers a PIN hash may be checked with: `current` makes every new hash; `previous` only verifies
 * hashes made before a rotation, until the bookings are re-imported under `current`.
 */
export interface PepperRing {
  readonly current: Pepper;
  readonly previous: readonly Pepper[];
}

// What the id is an HMAC of: any fixed text works, since the id only has to tell peppers apart.
const ID_LABEL = 'contact-router PIN pepper id';

/** A pepper's id: 8 base64url characters of an HMAC under it, which tells nothing about the pepper. */
export function pepperId(key: string): string {
  return createHmac('sha256', key).update(ID_LABEL).digest('base64url').slice(0, 8);
}

/**
 * Reads the pepper secret: a bare string is the one pepper; a JSON object `{"current": "…",
 * "previous": "…" | ["…"]}` is a rotation under way. Throws, naming the fault, on a pepper under
 * MIN_PEPPER_LENGTH characters or a JSON object that is not a ring.
 */
export function parsePepperRing(secret: string): PepperRing {
  const value = secret.trim();
  const ring = value.startsWith('{') ? ringFromJson(value) : { current: value, previous: [] };
  const keys = [ring.current, ...ring.previous];
  if (keys.some((key) => key.length < MIN_PEPPER_LENGTH))
    throw new Error(`the PIN pepper must be at least ${MIN_PEPPER_LENGTH} characters`);
  return { current: withId(ring.current), previous: ring.previous.map(withId) };
}

function withId(key: string): Pepper {
  return { id: pepperId(key), key };
}

function ringFromJson(value: string): { current: string; previous: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    // A generated pepper may start with "{" without being JSON: then it is a bare pepper.
    return { current: value, previous: [] };
  }
  const fault = 'the PIN pepper secret is JSON, but not {"current": "…", "previous"?: "…" | ["…"]}';
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(fault);
  const { current, previous = [], ...rest } = parsed as Record<string, unknown>;
  const list = typeof previous === 'string' ? [previous] : previous;
  const strings = Array.isArray(list) && list.every((p): p is string => typeof p === 'string');
  if (typeof current !== 'string' || !strings || Object.keys(rest).length > 0) throw new Error(fault);
  return { current, previous: list };
}
