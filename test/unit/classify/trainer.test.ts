import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../../functions/domain/classification';
import { LinearModel } from '../../../functions/domain/classify/linear-model';
import type { CorpusRecord } from '../../fixtures/corpus/compose';
import {
  type Doc,
  naiveBayesWeights,
  topicDocs,
  trainLogistic,
  trainTopicModel,
  withoutCues,
} from '../../fixtures/corpus/trainer';

const record: CorpusRecord = {
  text: 'I want my money back for the cancelled room, the refund never came',
  channel: 'sms',
  language: 'en',
  topic: 'refund',
  urgent: false,
  bookingRef: null,
};

describe('topic training documents (cue dropout)', () => {
  it('trains on each message twice: as written, and as if the cue lexicon had found nothing', () => {
    // Act
    const docs = topicDocs([record]);
    // Assess: the first two documents are the message; the rest are lexicon entries
    const [asWritten, withoutLexicon] = docs;
    expect(asWritten?.[1]).toContain('lex:refund');
    expect(withoutLexicon?.[0]).toBe('refund');
    expect(withoutLexicon?.[1].filter((f) => /^(?:lex|lexm|neg):/.test(f))).toEqual([]);
    expect(withoutLexicon?.[1]).toContain('*nocue');
    expect(withoutLexicon?.[1]).toContain('money');
  });

  it('drops every cue feature, repeated and negated ones too, and keeps words, stems and flags', () => {
    const features = [
      'not',
      'cancel',
      'neg:cancel_booking',
      'lex:refund',
      'lex:refund+',
      'lexm:refund',
      's:cance',
      '*',
      '*?',
    ];
    expect(withoutCues(features)).toEqual(['not', 'cancel', 's:cance', '*', '*?', '*nocue']);
  });
});

describe('topic model (logistic regression plus naive Bayes)', () => {
  it('adds the naive Bayes rows to the logistic regression before pruning, in one model', () => {
    // Prepare: "hello" only ever appears in general messages; a prior row pulls it hard to refund
    const docs: Doc[] = [];
    for (let i = 0; i < 30; i++) {
      docs.push(['refund', ['*', 'lex:refund', 'money'], 1]);
      docs.push(['general', ['*', '*nocue', 'hello'], 1]);
    }
    const options = { epochs: 15, rate: 0.3, l2: 1.5e-3, prune: 0.4, seed: 7 };
    const prior = new Map([['hello', Float64Array.from(TOPICS, (t) => (t === 'refund' ? 20 : 0))]]);
    const topicOf = (model: LinearModel) => {
      const { scores } = model.score(['hello']);
      return TOPICS[scores.indexOf(Math.max(...scores))];
    };
    // Act + Assess
    expect(topicOf(new LinearModel(trainLogistic(docs, TOPICS, options)))).toBe('general');
    expect(topicOf(new LinearModel(trainLogistic(docs, TOPICS, options, prior)))).toBe('refund');
    // The shipped recipe (logistic regression + naive Bayes) still reads the word as general
    expect(topicOf(new LinearModel(trainTopicModel(docs)))).toBe('general');
  });

  it('adds naive Bayes weights centred per feature, scaled, for features seen often enough', () => {
    const docs: Doc[] = [
      ['a', ['x', 'y'], 1],
      ['a', ['x'], 1],
      ['b', ['y'], 1],
    ];
    const weights = naiveBayesWeights(docs, ['a', 'b'], { alpha: 0.5, minCount: 2, weight: 0.2 });
    const x = [...(weights.get('x') ?? [])];
    expect(x).toHaveLength(2);
    expect((x[0] ?? 0) + (x[1] ?? 0)).toBeCloseTo(0);
    expect(x[0]).toBeGreaterThan(0);
    expect(weights.has('y')).toBe(true);
    expect(naiveBayesWeights(docs, ['a', 'b'], { alpha: 0.5, minCount: 3, weight: 0.2 }).size).toBe(0);
  });
});
