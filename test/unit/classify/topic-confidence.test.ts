import { describe, expect, it } from 'vitest';
import { TOPIC_UNSURE_BELOW } from '../../../functions/domain/classification';
import { TravelClassifier } from '../../../functions/domain/classify/index';
import { route } from '../../../functions/domain/routing/route';
import { defaultPolicy } from '../routing/routing-fixtures';

const classifier = new TravelClassifier();
// Wednesday 2026-07-08 10:00 in Paris: every European team is open.
const WEDNESDAY_MORNING = new Date('2026-07-08T08:00:00Z');

describe('topic confidence', () => {
  it('is reported next to the language confidence, high for a plain request', () => {
    const result = classifier.classify({ text: 'I want to cancel my booking, the trip is off' });
    expect(result.topic).toBe('cancel_booking');
    expect(result.topicConfidence).toBeGreaterThan(TOPIC_UNSURE_BELOW);
    expect(result.topicConfidence).toBeLessThanOrEqual(1);
  });

  it.each(['hi', 'ok', 'Des nouvelles ?', 'any update?', 'ну что там?'])(
    'answers the bare "%s" with general and not urgent',
    (text) => {
      const result = classifier.classify({ text });
      expect(result.topic).toBe('general');
      expect(result.urgent).toBe(false);
    },
  );

  it.each(['hi', '👍', 'qwerty zxcv'])('is unsure of "%s", which names nothing it knows', (text) => {
    expect(classifier.classify({ text }).topicConfidence).toBeLessThan(TOPIC_UNSURE_BELOW);
  });

  it('is 1 when a rule decides: danger told by what happens, a thank-you', () => {
    expect(classifier.classify({ text: 'smoke is coming out of the wall socket' }).topicConfidence).toBe(1);
    expect(classifier.classify({ text: 'thanks, all sorted' }).topicConfidence).toBe(1);
  });
});

describe('routing an unsure topic', () => {
  it('routes it as general without urgency, and says "topic unsure"', () => {
    // Prepare: a classifier elsewhere guessed an urgent arrival problem, but barely
    const classification = {
      language: 'fr' as const,
      confidence: 0.9,
      topic: 'arrival_problem' as const,
      topicConfidence: 0.11,
      urgent: true,
      bookingRef: null,
    };
    // Act
    const decision = route(
      defaultPolicy,
      { channel: 'sms', classification },
      undefined,
      undefined,
      WEDNESDAY_MORNING,
    );
    const sure = route(
      defaultPolicy,
      { channel: 'sms', classification: { ...classification, topicConfidence: 0.8 } },
      undefined,
      undefined,
      WEDNESDAY_MORNING,
    );
    // Assess
    expect(decision.reasons).toContain('topic unsure (0.11): routed as general, no urgency from its words');
    expect(decision.reasons.some((r) => r.startsWith('topic general'))).toBe(true);
    expect(decision.reasons.some((r) => r.includes('urgent'))).toBe(false);
    expect(sure.priority).toBe(1);
    expect(decision.priority).toBeGreaterThan(1);
  });

  it('never demotes an emergency, however unsure', () => {
    const classification = {
      language: 'de' as const,
      confidence: 0.9,
      topic: 'emergency' as const,
      topicConfidence: 0.11,
      urgent: true,
      bookingRef: null,
    };
    const decision = route(
      defaultPolicy,
      { channel: 'sms', classification },
      undefined,
      undefined,
      WEDNESDAY_MORNING,
    );
    expect(decision.priority).toBe(1);
    expect(decision.reasons.some((r) => r.startsWith('topic unsure'))).toBe(false);
  });
});
