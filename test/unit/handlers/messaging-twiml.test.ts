// The messaging door writes its TwiML itself (twilio's XML builder is too big for the Lambda bundle):
// it must be exactly what twilio's MessagingResponse writes, for any text, including refusing the same
// characters XML cannot carry.
import fc from 'fast-check';
import MessagingResponse from 'twilio/lib/twiml/MessagingResponse';
import { describe, expect, it } from 'vitest';
import { messagingTwiml } from '../../../functions/handlers/messaging/answer-message';

function twilios(text: string | undefined): string {
  try {
    const response = new MessagingResponse();
    if (text) response.message(text);
    return response.toString();
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

function ours(text: string | undefined): string {
  try {
    return messagingTwiml(text);
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

describe('messaging TwiML', () => {
  it('is what twilio writes for an acknowledgement, for silence, and for markup-like text', () => {
    for (const text of [
      'We have received your message. Your case number is CR-7K3Q9.',
      undefined,
      '',
      'a & b <c> "d" \'e\' ]]> &amp;',
      'line\r\nnext\ttab',
      'emoji 😀, 中文, русский',
    ])
      expect(ours(text)).toBe(twilios(text));
  });

  it('refuses text XML cannot carry (control characters, lone surrogates) as twilio does', () => {
    for (const text of ['\u0000', 'x\u0008', '\uFFFE', 'a\uD800b', '\uDC00']) {
      expect(ours(text)).toMatch(/^error: Invalid character/);
      expect(ours(text)).toBe(twilios(text));
    }
  });

  it('matches twilio byte for byte on any string (property)', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'binary' }), { nil: undefined }), (text) => {
        expect(ours(text)).toBe(twilios(text));
      }),
      { numRuns: 2000 },
    );
  });
});
