import { describe, expect, it } from 'vitest';
import type { Booking } from '../../../functions/domain/booking';
import { CATALOGUE } from '../../../functions/domain/i18n/catalogue';
import { composeAck } from '../../../functions/domain/i18n/replies';
import { LANGUAGES } from '../../../functions/domain/languages';

const booking: Booking = {
  reference: '7992739875',
  pinHash: 'x',
  status: 'confirmed',
  checkIn: '2026-11-23',
  checkOut: '2026-11-26',
  propertyName: 'Hôtel Lumière',
  propertyTimeZone: 'Europe/Paris',
  guestName: 'Camille',
  language: 'fr',
  tier: 'gold',
  refundStatus: 'none',
  customerId: 'c',
  updatedAt: '2026-11-01T00:00:00Z',
};

describe('composeAck', () => {
  it.each(LANGUAGES)('gives the case number and response time in %s, with no unfilled slot', (language) => {
    const text = composeAck({
      language,
      caseNumber: 'CR-7K4M2Q',
      continued: false,
      expectedResponseMinutes: 15,
      verifiedBooking: booking,
    });
    expect(text).toContain('CR-7K4M2Q');
    expect(text).toContain('15');
    expect(text).toContain(CATALOGUE[language].statuses.confirmed);
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it('runs Chinese sentences together without spaces', () => {
    const text = composeAck({
      language: 'zh',
      caseNumber: 'CR-1',
      continued: false,
      expectedResponseMinutes: 5,
    });
    expect(text).toBe('我们已收到您的消息。您的案例编号是 CR-1。我们的团队将在 5 分钟内回复您。');
  });

  it('speaks in hours from two hours on', () => {
    expect(
      composeAck({ language: 'en', caseNumber: 'CR-1', continued: false, expectedResponseMinutes: 240 }),
    ).toContain('within 4 hours');
  });

  it('says nothing about a booking unless it is handed a verified one', () => {
    const text = composeAck({
      language: 'en',
      caseNumber: 'CR-1',
      continued: true,
      expectedResponseMinutes: 5,
    });
    expect(text).toBe('We have added your message to case CR-1. Our team will reply within 5 minutes.');
  });

  it('puts the preface first, so an emergency notice is read before anything else', () => {
    const text = composeAck({
      language: 'en',
      caseNumber: 'CR-1',
      continued: false,
      expectedResponseMinutes: 1,
      preface: 'Call 112 now.',
    });
    expect(text.startsWith('Call 112 now.')).toBe(true);
  });
});
