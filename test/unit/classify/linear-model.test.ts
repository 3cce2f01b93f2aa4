import { describe, expect, it } from 'vitest';
import {
  DENSE_ROW,
  decodeLevel,
  encodeHashStep,
  encodeLevel,
  featureHash,
  LEVELS,
  LinearModel,
  SINGLE_CELL,
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
    // Prepare: "refund" weighs +2 on label b; "cancel" is dense: +1 on a, -1 on b (scale 1, zero 10);
    // their hashes lie millions apart, so the second key is a whole hash
    const [first, second] = [
      ['refund', `${encodeLevel(1)}${encodeLevel(1)}${encodeLevel(12)}`],
      ['cancel', `${encodeLevel(DENSE_ROW)}${encodeLevel(11)}${encodeLevel(9)}`],
    ]
      .map(([feature, levels]) => [featureHash(feature ?? ''), levels ?? ''] as const)
      .sort(([a], [b]) => a - b);
    const rows = `${encodeHashStep(first?.[0] ?? 0, -1)}${first?.[1]}${encodeHashStep(second?.[0] ?? 0, first?.[0] ?? 0)}${second?.[1]}`;
    const model = new LinearModel({ labels: ['a', 'b'], rows, sparse: true, scale: 1, zero: 10 });
    // Act
    const { scores, known } = model.score(['refund', 'cancel', 'never-seen']);
    // Assess
    expect(known).toBe(2);
    expect([...scores]).toEqual([1, 1]);
  });

  it('reads a one-weight row written without a count, next to a sparse row of two', () => {
    // Prepare: "late" weighs +3 on label c alone (one character fewer); "pool" -1 on a, +1 on c
    const [first, second] = [
      ['late', `${encodeLevel(SINGLE_CELL + 2)}${encodeLevel(13)}`],
      ['pool', `${encodeLevel(2)}${encodeLevel(0)}${encodeLevel(9)}${encodeLevel(2)}${encodeLevel(11)}`],
    ]
      .map(([feature, levels]) => [featureHash(feature ?? ''), levels ?? ''] as const)
      .sort(([a], [b]) => a - b);
    const rows = `${encodeHashStep(first?.[0] ?? 0, -1)}${first?.[1]}${encodeHashStep(second?.[0] ?? 0, first?.[0] ?? 0)}${second?.[1]}`;
    const model = new LinearModel({ labels: ['a', 'b', 'c'], rows, sparse: true, scale: 1, zero: 10 });
    // Act
    const late = model.score(['late']);
    const both = model.score(['late', 'pool']);
    // Assess
    expect([...late.scores]).toEqual([0, 0, 3]);
    expect([...both.scores]).toEqual([-1, 0, 4]);
    expect(both.known).toBe(2);
  });

  it('writes a hash step in two characters when small, three when larger, a whole hash when far', () => {
    expect(encodeHashStep(5_000, -1)).toHaveLength(2);
    expect(encodeHashStep(20_000, 5_000)).toHaveLength(3);
    expect(encodeHashStep(9_000_000, 20_000)).toHaveLength(5);
    expect(() => encodeHashStep(5, 5)).toThrow();
  });

  it('finds every row, whatever the steps between their hashes', () => {
    // Prepare: 3,000 features (steps of two and three characters); "f<i>" weighs +1 on a or b
    const features = Array.from({ length: 3_000 }, (_, i) => `f${i}`);
    const sorted = features.map((f, i) => [featureHash(f), i] as const).sort(([a], [b]) => a - b);
    let rows = '';
    let previous = -1;
    for (const [hash, i] of sorted) {
      rows += `${encodeHashStep(hash, previous)}${encodeLevel(1)}${encodeLevel(i % 2)}${encodeLevel(11)}`;
      previous = hash;
    }
    const model = new LinearModel({ labels: ['a', 'b'], rows, sparse: true, scale: 1, zero: 10 });
    // Act
    const wrong = features.filter((f, i) => {
      const { scores, known } = model.score([f]);
      return known !== 1 || scores[i % 2] !== 1 || scores[1 - (i % 2)] !== 0;
    });
    // Assess
    expect(wrong).toEqual([]);
    expect(model.score(['never-seen']).known).toBe(0);
  });

  it('hashes the same feature to the same value every time', () => {
    expect(featureHash('lex:refund')).toBe(featureHash('lex:refund'));
    expect(featureHash('lex:refund')).not.toBe(featureHash('lex:cancel_booking'));
  });
});
