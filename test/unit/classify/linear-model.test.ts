import { describe, expect, it } from 'vitest';
import {
  DENSE_ROW,
  decodeLevel,
  encodeHash,
  encodeLevel,
  featureHash,
  LEVELS,
  LinearModel,
} from '../../../functions/domain/classify/linear-model';

describe('LinearModel (the model.json format)', () => {
  it('stores every level as one printable character JSON never escapes', () => {
    for (let level = 0; level < LEVELS; level++) {
      const ch = encodeLevel(level);
      expect(decodeLevel(ch.charCodeAt(0))).toBe(level);
      expect(JSON.stringify(ch)).toBe(`"${ch}"`);
    }
  });

  it('scores features from dense and sparse rows, and ignores unknown ones', () => {
    // Prepare: "refund" weighs +2 on label b; "cancel" is dense: +1 on a, -1 on b (scale 1, zero 10)
    const refund = `${encodeHash(featureHash('refund'))}${encodeLevel(1)}${encodeLevel(1)}${encodeLevel(12)}`;
    const cancel = `${encodeHash(featureHash('cancel'))}${encodeLevel(DENSE_ROW)}${encodeLevel(11)}${encodeLevel(9)}`;
    const model = new LinearModel({
      labels: ['a', 'b'],
      rows: refund + cancel,
      sparse: true,
      scale: 1,
      zero: 10,
    });
    // Act
    const { scores, known } = model.score(['refund', 'cancel', 'never-seen']);
    // Assess
    expect(known).toBe(2);
    expect([...scores]).toEqual([1, 1]);
  });

  it('hashes the same feature to the same value every time', () => {
    expect(featureHash('lex:refund')).toBe(featureHash('lex:refund'));
    expect(featureHash('lex:refund')).not.toBe(featureHash('lex:cancel_booking'));
  });
});
