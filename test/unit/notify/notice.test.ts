import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../functions/domain/languages';
import type { BookingChange } from '../../../functions/domain/notify/booking-changes';
import { composeNotice } from '../../../functions/domain/notify/compose-notice';
import { noticeAddress } from '../../../functions/domain/notify/notice-address';
import { noticeSendAt } from '../../../functions/domain/notify/quiet-hours';
import { aBooking, aContact, aCustomer } from '../../integration/builders';

const PAID: BookingChange = { field: 'refund', from: 'requested', to: 'paid' };
const CANCELLED: BookingChange = { field: 'status', from: 'confirmed', to: 'cancelled' };
const mobile = () => true;

describe('composeNotice', () => {
  it('says a refund is issued and by when it arrives, in each of the ten languages', () => {
    // Prepare
    const booking = aBooking({ guestName: 'Ana' });
    const at = new Date('2026-03-02T10:00:00Z');
    // Act
    const texts = LANGUAGES.map((language) => composeNotice(booking, [PAID], language, at).text);
    // Assess: ten different texts, each naming the guest and a date two weeks on in its own words
    expect(new Set(texts).size).toBe(10);
    for (const text of texts) expect(text).toContain('Ana');
    expect(texts[LANGUAGES.indexOf('en')]).toContain('March 16, 2026');
    expect(texts[LANGUAGES.indexOf('fr')]).toContain('16 mars 2026');
    expect(texts[LANGUAGES.indexOf('de')]).toContain('16. März 2026');
    expect(texts[LANGUAGES.indexOf('zh')]).toContain('2026年3月16日');
  });

  it('says the property cancelled, with its name and the reference', () => {
    const booking = aBooking({ propertyName: 'Hotel Aurora', reference: '1234567897' });
    const notice = composeNotice(booking, [CANCELLED], 'es', new Date());
    expect(notice.text).toContain('Hotel Aurora ha cancelado su reserva 1234567897.');
    expect(notice.subject).toBe('Novedades sobre su reserva 1234567897');
  });

  it('gives the new dates as the language writes them', () => {
    const moved: BookingChange = {
      field: 'dates',
      from: { checkIn: '2026-05-01', checkOut: '2026-05-03' },
      to: { checkIn: '2026-05-08', checkOut: '2026-05-10' },
    };
    const notice = composeNotice(aBooking(), [moved], 'it', new Date());
    expect(notice.text).toContain('dal 8 maggio 2026 al 10 maggio 2026');
  });
});

describe('noticeSendAt', () => {
  const far = { checkIn: '2026-08-01', propertyTimeZone: 'Europe/Paris' };

  it('sends at once in the guest’s daytime', () => {
    const now = new Date('2026-03-02T12:00:00Z');
    expect(noticeSendAt({ ...far, guestTimeZone: 'Europe/Lisbon' }, now)).toEqual(now);
  });

  it('holds a notice at the guest’s night until 08:00 their time', () => {
    // 23:30 in Tokyo on 2 March is 14:30 UTC; 08:00 on 3 March in Tokyo is 23:00 UTC on the 2nd.
    const now = new Date('2026-03-02T14:30:00Z');
    expect(noticeSendAt({ ...far, guestTimeZone: 'Asia/Tokyo' }, now).toISOString()).toBe(
      '2026-03-02T23:00:00.000Z',
    );
    // 06:00 in Paris (property zone, no guest zone): the same morning at 08:00.
    expect(noticeSendAt(far, new Date('2026-03-02T05:00:00Z')).toISOString()).toBe(
      '2026-03-02T07:00:00.000Z',
    );
  });

  it('keeps the local morning across a daylight-saving switch', () => {
    // The night Paris moves to summer time (29 March 2026): 08:00 is 06:00 UTC, no longer 07:00.
    expect(noticeSendAt(far, new Date('2026-03-28T22:30:00Z')).toISOString()).toBe(
      '2026-03-29T06:00:00.000Z',
    );
  });

  it('sends at night when the stay starts within a day', () => {
    const now = new Date('2026-03-02T22:30:00Z');
    expect(noticeSendAt({ checkIn: '2026-03-03', propertyTimeZone: 'Europe/Paris' }, now)).toEqual(now);
  });
});

describe('noticeAddress', () => {
  it('uses the preferred channel', () => {
    const booking = aBooking({ preferredChannel: 'whatsapp', phone: '+33612345678' });
    expect(noticeAddress(booking, undefined, [], mobile)).toEqual({
      channel: 'whatsapp',
      to: '+33612345678',
    });
  });

  it('uses the channel the guest last wrote on from their own contact points', () => {
    // Prepare
    const customer = aCustomer({ id: 'cust-1', phones: ['+33612345678', '+351912345678'] });
    const booking = aBooking({ customerId: 'cust-1', email: 'ana@example.com' });
    const contacts = [
      aContact({ channel: 'sms', from: '+33612345678', receivedAt: '2026-01-01T10:00:00Z' }),
      aContact({ channel: 'whatsapp', from: '+351912345678', receivedAt: '2026-01-02T10:00:00Z' }),
    ];
    // Act / Assess
    expect(noticeAddress(booking, customer, contacts, mobile)).toEqual({
      channel: 'whatsapp',
      to: '+351912345678',
    });
  });

  it('never sends to whoever last wrote about the booking from elsewhere', () => {
    const booking = aBooking({ phone: '+33612345678', email: undefined });
    const stranger = aContact({
      channel: 'whatsapp',
      from: '+447700900123',
      receivedAt: '2026-01-03T10:00:00Z',
    });
    const strangerMail = aContact({ channel: 'email', from: 'someone@example.org' });
    expect(noticeAddress(booking, undefined, [stranger, strangerMail], mobile)).toEqual({
      channel: 'sms',
      to: '+33612345678',
    });
  });

  it('ignores a customer record that is not the booking’s own', () => {
    const booking = aBooking({ customerId: 'cust-1', phone: undefined, email: 'ana@example.com' });
    const other = aCustomer({ id: 'cust-2', phones: ['+351912345678'] });
    expect(noticeAddress(booking, other, [], mobile)).toEqual({ channel: 'email', to: 'ana@example.com' });
  });

  it('falls back to email when the booking’s phone takes no text', () => {
    const booking = aBooking({ phone: '+33142345678', email: 'ana@example.com' });
    expect(noticeAddress(booking, undefined, [], () => false)).toEqual({
      channel: 'email',
      to: 'ana@example.com',
    });
  });
});
