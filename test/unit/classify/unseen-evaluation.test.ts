import { describe, expect, it } from 'vitest';
import { isValidBookingReference } from '../../../functions/domain/booking-reference';
import { TOPICS } from '../../../functions/domain/classification';
import { TravelClassifier } from '../../../functions/domain/classify/index';
import { LANGUAGES } from '../../../functions/domain/languages';
import { readCorpus, score } from '../../fixtures/corpus/metrics';
import { buildUnseen } from '../../fixtures/corpus/unseen/build';

// The unseen-style set (test/fixtures/corpus/unseen): written from scenarios in guests' styles, held
// out, never tuned on (docs/classifier.md). The targets are the floors: language, topic
// macro-F1 (0.928 in round 14, npm run bench -- classify), reference precision and recall, emergency
// recall, false emergencies.
describe('unseen-style evaluation set', () => {
  const records = readCorpus('unseen');
  const classifier = new TravelClassifier();
  const scores = score(
    records,
    records.map((r) => classifier.classify(r)),
  );

  it('is the file its scenario messages build, with valid references only', () => {
    expect(records).toEqual(buildUnseen());
    for (const r of records)
      if (r.bookingRef !== null) expect(isValidBookingReference(r.bookingRef)).toBe(true);
  });

  it('covers 600+ messages, the ten languages, the four channels and every topic', () => {
    expect(records.length).toBeGreaterThanOrEqual(600);
    expect(new Set(records.map((r) => r.language))).toEqual(new Set(LANGUAGES));
    expect(new Set(records.map((r) => r.channel))).toEqual(new Set(['sms', 'whatsapp', 'email', 'voice']));
    expect(new Set(records.map((r) => r.topic))).toEqual(new Set(TOPICS));
  });

  it('meets the language target (≥ 99%) and never takes a wrong reference', () => {
    expect(scores.language).toBeGreaterThanOrEqual(0.99);
    expect(scores.refPrecision).toBe(1);
  });

  it('meets the emergency targets: every emergency found, at most 0.5% of the rest read as one', () => {
    expect(scores.emergencyRecall).toBe(1);
    expect(scores.falseEmergency).toBeLessThanOrEqual(0.005);
  });

  // Round 12: the reference figure is a development figure since its misses were read (docs/classifier.md).
  it('meets the reference recall target (≥ 0.99)', () => {
    expect(scores.refRecall).toBeGreaterThanOrEqual(0.99);
  });

  it('meets the topic target: macro-F1 ≥ 0.92', () => {
    expect(scores.topicMacroF1).toBeGreaterThanOrEqual(0.92);
  });
});
