import { describe, expect, it } from 'vitest';
import type { CorpusRecord } from '../../fixtures/corpus/compose';
import { topicDocs, withoutCues } from '../../fixtures/corpus/trainer';

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
