import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidBookingReference } from '../../../functions/domain/booking-reference';
import { TOPICS } from '../../../functions/domain/classification';
import { TravelClassifier } from '../../../functions/domain/classify/index';
import { LANGUAGES } from '../../../functions/domain/languages';

const classifier = new TravelClassifier();

describe('TravelClassifier under fuzzed input', () => {
  it('never throws and always returns valid labels', () => {
    fc.assert(
      fc.property(
        fc.record({
          text: fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })),
          subject: fc.option(fc.string(), { nil: undefined }),
          from: fc.option(
            fc.oneof(fc.string(), fc.constantFrom('+33612345678', 'whatsapp:+8613812345678', 'a@mail.ru')),
            { nil: undefined },
          ),
          bookingLanguage: fc.option(fc.constantFrom(...LANGUAGES), { nil: undefined }),
        }),
        (input) => {
          const result = classifier.classify(input);
          expect(LANGUAGES).toContain(result.language);
          expect(TOPICS).toContain(result.topic);
          expect(result.confidence).toBeGreaterThanOrEqual(0);
          expect(result.confidence).toBeLessThanOrEqual(1);
          expect(typeof result.urgent).toBe('boolean');
          if (result.bookingRef !== null) expect(isValidBookingReference(result.bookingRef)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
