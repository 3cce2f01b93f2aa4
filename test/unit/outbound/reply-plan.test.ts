import { describe, expect, it } from 'vitest';
import {
  acknowledgedContactId,
  acknowledgementId,
  inlineAnswerOf,
  replyPlanOf,
  withInlineAnswer,
} from '../../../functions/domain/outbound/reply-plan';
import { aContact } from '../../integration/builders';

describe('an inline answer kept with its contact', () => {
  it('reads back the acknowledged contact of an acknowledgement id, and nothing from other ids', () => {
    expect(acknowledgedContactId(acknowledgementId('sms:SM1:x'))).toBe('sms:SM1:x');
    expect(acknowledgedContactId('CR-ABC123:survey')).toBeUndefined();
  });

  it('gives back the record deliver claimed for the planned message', () => {
    // Prepare
    const base = aContact();
    const contact = aContact({
      ...base,
      reply: {
        messageId: acknowledgementId(base.id),
        channel: 'sms',
        to: base.from,
        language: 'en',
        text: 'Your case number is CR-AAAAAA.',
        disclosedBooking: false,
      },
    });
    const plan = replyPlanOf(contact);
    if (!('message' in plan)) throw new Error('the builder plans an answer');
    const at = '2026-11-23T10:00:01.000Z';
    const suppressed = {
      ...plan.message,
      status: 'suppressed' as const,
      reason: 'rate limit',
      updatedAt: at,
    };
    const inline = { ...plan.message, status: 'inline' as const, sentAt: at, updatedAt: at };
    // Act
    const read = [suppressed, inline].map((record) => inlineAnswerOf(withInlineAnswer(contact, record)));
    // Assess
    expect(read).toEqual([suppressed, inline]);
    expect(inlineAnswerOf(contact)).toBeUndefined();
  });
});
