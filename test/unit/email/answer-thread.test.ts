import { describe, expect, it } from 'vitest';
import { answerThreadOf } from '../../../functions/domain/email/answer-thread';

describe('answerThreadOf: what an answer to a mail threads on (RFC 5322 section 3.6.4)', () => {
  it('answers the mail’s Message-ID, after its References', () => {
    const thread = answerThreadOf({
      messageId: '<c@guest.example>',
      inReplyTo: ['<b@us.example>'],
      references: ['<a@guest.example>', '<b@us.example>'],
    });
    expect(thread).toEqual({
      messageId: '<c@guest.example>',
      references: ['<a@guest.example>', '<b@us.example>', '<c@guest.example>'],
    });
  });

  it('takes a single In-Reply-To id as the thread of a mail without References, not several', () => {
    const one = answerThreadOf({ messageId: '<c@g.example>', inReplyTo: ['<b@g.example>'], references: [] });
    const two = answerThreadOf({
      messageId: '<c@g.example>',
      inReplyTo: ['<a@g.example>', '<b@g.example>'],
      references: [],
    });
    expect(one.references).toEqual(['<b@g.example>', '<c@g.example>']);
    expect(two.references).toEqual(['<c@g.example>']);
  });

  it('keeps the first and the nine latest ids of a long thread', () => {
    const references = Array.from({ length: 30 }, (_, i) => `<m${i}@g.example>`);
    const thread = answerThreadOf({ messageId: '<last@g.example>', inReplyTo: [], references });
    expect(thread.references).toHaveLength(10);
    expect(thread.references[0]).toBe('<m0@g.example>');
    expect(thread.references.at(-1)).toBe('<last@g.example>');
    expect(thread.references[1]).toBe('<m22@g.example>');
  });
});
