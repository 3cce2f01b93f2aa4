import { describe, expect, it } from 'vitest';
import { TravelClassifier } from '../../../functions/domain/classify/index';
import { readCorpus, score } from '../../fixtures/corpus/metrics';

// Behaviour on the held-out split (phrases never trained on or tuned on). Measured (round 14): topic macro-F1 0.942
// (issue 23's target 0.92), reference recall 0.992 (0.99), precision 1.000, language 99.9% (99%),
// emergency recall 1.000, false emergencies 0.2% (0.5%). The targets are the floors, so a change that
// misses one fails here; see docs/classifier.md.
describe('held-out evaluation split', () => {
  const records = readCorpus('eval');
  const classifier = new TravelClassifier();
  const scores = score(
    records,
    records.map((r) => classifier.classify(r)),
  );

  it('has at least 700 messages', () => {
    expect(records.length).toBeGreaterThanOrEqual(700);
  });

  it('meets the language target (≥ 99%)', () => {
    expect(scores.language).toBeGreaterThanOrEqual(0.99);
  });

  it('never takes a wrong booking reference (precision 1.00)', () => {
    expect(scores.refPrecision).toBe(1);
  });

  it('finds every emergency and reads at most 0.5% of the rest as emergencies', () => {
    expect(scores.emergencyRecall).toBe(1);
    expect(scores.falseEmergency).toBeLessThanOrEqual(0.005);
  });

  it('meets the reference recall (≥ 0.99) and topic macro-F1 (≥ 0.92) targets', () => {
    expect(scores.refRecall).toBeGreaterThanOrEqual(0.99);
    expect(scores.topicMacroF1).toBeGreaterThanOrEqual(0.92);
  });
});
