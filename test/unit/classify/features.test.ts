import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languageFeatureHashes, languageFeatures } from '../../../functions/domain/classify/features';
import { featureHash } from '../../../functions/domain/classify/linear-model';

// The classifier reads language features as hashes built from the characters; the trainer reads the
// strings. A difference would make the shipped model score features it was never trained on.
describe('language features as hashes', () => {
  it('hashes every feature the trainer sees, in the same order, for guests’ texts', () => {
    for (const text of [
      'Bonjour, je voudrais annuler ma réservation 1234567897 🙏',
      "l'hôtel a été fermé à notre arrivée",
      'Ich möchte die Buchung ändern, bitte!',
      'a b c — x',
      '订单号 61 27 90 35 48 hotel',
      'Здравствуйте, Hotel booking',
      '𠀀𠀁 abc 𝒜',
      '',
    ])
      expect(languageFeatureHashes(text)).toEqual(languageFeatures(text).map(featureHash));
  });

  it('agrees with the strings on any text, long or short', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 300 })), (text) => {
        expect(languageFeatureHashes(text)).toEqual(languageFeatures(text).map(featureHash));
      }),
    );
  });
});
