import { normaliseEmail } from '../customer';
import { ValidationError } from '../errors';

/** Whose data an erasure request names: one phone number or one email address of the guest. */
export interface ErasureSubject {
  readonly kind: 'phone' | 'email';
  /** E.164 number or lower-cased address, as the contact points are stored. */
  readonly value: string;
}

const E164 = /^\+[1-9]\d{6,14}$/;
// Deliberately loose (RFC 5322 allows far more): it only has to reject what cannot be an address.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_CHARS = 320;

// In a query string "+" means a space (application/x-www-form-urlencoded), so `?phone=+4477…` arrives as
// " 4477…": a leading space before digits is read back as the plus the caller typed.
function phoneOf(raw: string): string {
  const value = /^ \d/.test(raw) ? `+${raw.slice(1)}` : raw.trim();
  // The value is not echoed: error messages reach logs, and this may be a real phone number.
  if (!E164.test(value))
    throw new ValidationError('phone', 'is not an E.164 phone number like +447700900123');
  return value;
}

/**
 * Reads the one contact point an erasure names (`phone` or `email`, exactly one of them); every other
 * shape is a ValidationError saying what to send.
 */
export function parseErasureSubject(input: {
  readonly phone?: string | null | undefined;
  readonly email?: string | null | undefined;
}): ErasureSubject {
  const phone = input.phone ?? undefined;
  const email = input.email ?? undefined;
  if (phone !== undefined && email !== undefined)
    throw new ValidationError('query', 'name the guest by phone or by email, not both');
  if (phone === undefined && email === undefined)
    throw new ValidationError('query', 'missing ?phone=+E164 or ?email=address');
  const raw = (phone ?? email) as string;
  if (raw.length > MAX_CHARS) throw new ValidationError(phone ? 'phone' : 'email', 'is too long');
  if (phone !== undefined) return { kind: 'phone', value: phoneOf(phone) };
  const address = normaliseEmail(raw);
  if (!EMAIL.test(address)) throw new ValidationError('email', 'is not an email address');
  return { kind: 'email', value: address };
}
