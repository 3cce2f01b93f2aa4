import { ValidationError } from './errors';

/** Luhn check digit for a string of digits (the digit that makes the whole pass Luhn). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  // Walk from the right; the check digit will sit to the right, so the rightmost payload digit is doubled.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the value is exactly 10 digits and the last one is the Luhn check digit of the first nine. */
export function isValidBookingReference(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  return luhnCheckDigit(value.slice(0, 9)) === value.charCodeAt(9) - 48;
}

/** Builds a valid booking reference from nine payload digits. */
export function makeBookingReference(nineDigits: string): string {
  if (!/^\d{9}$/.test(nineDigits)) throw new ValidationError('reference', 'needs exactly nine digits');
  return `${nineDigits}${luhnCheckDigit(nineDigits)}`;
}

/**
 * Normalises what a person typed ("123 456 789-0", "123.456.7890") to ten digits and checks it,
 * throwing a ValidationError that says which rule failed.
 */
export function parseBookingReference(raw: string): string {
  const digits = raw.replace(/[\s.-]/g, '');
  if (!/^\d+$/.test(digits)) throw new ValidationError('bookingRef', `"${raw}" is not a number`);
  if (digits.length !== 10) {
    throw new ValidationError(
      'bookingRef',
      `"${raw}" has ${digits.length} digits, a booking reference has 10`,
    );
  }
  if (!isValidBookingReference(digits)) {
    throw new ValidationError('bookingRef', `"${raw}" has a wrong check digit`);
  }
  return digits;
}
