import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidBookingReference,
  luhnCheckDigit,
  makeBookingReference,
  parseBookingReference,
} from '../../../functions/domain/booking-reference';
import { ValidationError } from '../../../functions/domain/errors';

describe('booking references', () => {
  it('accepts a reference whose last digit is the Luhn check digit of the first nine', () => {
    // Prepare: by hand, doubling from the right: 14→5, 8, 18→9, 3, 14→5, 2, 18→9, 9, 14→5 = 55 → check digit 5
    const reference = makeBookingReference('799273987');
    // Assess
    expect(reference).toBe('7992739875');
    expect(isValidBookingReference(reference)).toBe(true);
  });

  it('rejects every single-digit typo', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{9}$/),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (nine, pos, delta) => {
          const ref = makeBookingReference(nine);
          const typo = ref.slice(0, pos) + ((Number(ref[pos]) + delta) % 10) + ref.slice(pos + 1);
          expect(isValidBookingReference(typo)).toBe(false);
        },
      ),
    );
  });

  it('normalises spaces, dots and dashes people type', () => {
    const ref = makeBookingReference('123456789');
    expect(
      parseBookingReference(`${ref.slice(0, 3)} ${ref.slice(3, 6)}.${ref.slice(6, 8)}-${ref.slice(8)}`),
    ).toBe(ref);
  });

  it('says which rule a bad reference breaks', () => {
    const ref = makeBookingReference('123456789');
    const wrong = ref.slice(0, 9) + ((luhnCheckDigit('123456789') + 1) % 10);
    expect(() => parseBookingReference(wrong)).toThrow(/wrong check digit/);
    expect(() => parseBookingReference('12345')).toThrow(/5 digits/);
    expect(() => parseBookingReference('abc')).toThrow(ValidationError);
  });
});
