import { describe, expect, it } from 'vitest';
import type { Booking } from '../../../functions/domain/booking';
import { ValidationError } from '../../../functions/domain/errors';
import { type Incident, matchesBooking, textIn } from '../../../functions/domain/incidents/incident';
import { noticesAllowed } from '../../../functions/domain/incidents/notify';
import { parseDeclaration, parseResolution } from '../../../functions/domain/incidents/parse-incident';

const booking = (over: Partial<Booking> = {}): Booking => ({
  reference: '7000000016',
  pinHash: 'x',
  status: 'confirmed',
  checkIn: '2026-11-25',
  checkOut: '2026-11-28',
  propertyName: 'Hotel Tejo',
  city: 'Lisbon',
  propertyTimeZone: 'Europe/Lisbon',
  guestName: 'Ana',
  phone: '+351912000001',
  language: 'pt',
  tier: 'standard',
  refundStatus: 'none',
  customerId: 'c1',
  updatedAt: '2026-11-01T00:00:00Z',
  ...over,
});

const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 'INC-1',
  title: 'Flood',
  match: { city: 'Lisbon' },
  message: { en: 'Flood.' },
  notify: true,
  priority: 2,
  status: 'active',
  declaredAt: '2026-11-23T10:00:00.000Z',
  bookingRefs: Array.from({ length: 250 }, (_, i) => String(i)),
  notifiedThrough: 0,
  ...over,
});

describe('incident matching', () => {
  it('takes in a live booking when every given criterion holds, names compared case-insensitively', () => {
    const match = {
      property: 'hotel tejo',
      city: 'LISBON',
      checkInFrom: '2026-11-25',
      checkInTo: '2026-11-30',
    };
    expect(matchesBooking(match, booking())).toBe(true);
  });

  it('leaves out a booking outside the check-in range, in another city, or without a city', () => {
    expect(matchesBooking({ checkInTo: '2026-11-24' }, booking())).toBe(false);
    expect(matchesBooking({ checkInFrom: '2026-11-26' }, booking())).toBe(false);
    expect(matchesBooking({ city: 'Porto' }, booking())).toBe(false);
    expect(matchesBooking({ city: 'Lisbon' }, booking({ city: undefined }))).toBe(false);
  });

  it('leaves out cancelled and past bookings even when named by reference', () => {
    expect(matchesBooking({ bookingRefs: ['7000000016'] }, booking({ status: 'cancelled' }))).toBe(false);
    expect(matchesBooking({ bookingRefs: ['7000000016'] }, booking({ status: 'completed' }))).toBe(false);
    expect(matchesBooking({ bookingRefs: ['7000000016'] }, booking())).toBe(true);
  });

  it('speaks the guest language, else English, else the first language given', () => {
    expect(textIn({ en: 'Flood.', pt: 'Cheia.' }, 'pt')).toBe('Cheia.');
    expect(textIn({ en: 'Flood.', pt: 'Cheia.' }, 'de')).toBe('Flood.');
    expect(textIn({ fr: 'Inondation.' }, 'de')).toBe('Inondation.');
  });
});

describe('incident pacing', () => {
  it('allows one minute share at once and one more per minute since the declaration', () => {
    // Prepare
    const declared = incident();
    const at = (seconds: number) => new Date(Date.parse(declared.declaredAt) + seconds * 1000);

    // Assess
    expect(noticesAllowed(declared, at(0), 100)).toBe(100);
    expect(noticesAllowed(declared, at(59), 100)).toBe(100);
    expect(noticesAllowed(declared, at(60), 100)).toBe(200);
    expect(noticesAllowed(declared, at(600), 100)).toBe(250);
  });
});

describe('incident declarations', () => {
  const valid = { title: 'Flood', match: { city: 'Lisbon' }, message: { en: 'Flood.' }, notify: true };

  it('fills in priority 2 and trims the texts', () => {
    expect(parseDeclaration({ ...valid, title: '  Flood ' })).toEqual({ ...valid, priority: 2 });
  });

  it.each([
    [{ ...valid, match: {} }, 'match'],
    [{ ...valid, match: { bookingRefs: ['1234567890'] } }, 'match.bookingRefs.0'],
    [{ ...valid, match: { checkInFrom: '2026-02-30' } }, 'match.checkInFrom'],
    [{ ...valid, message: { xx: 'Flood.' } }, 'message.xx'],
    [{ ...valid, priority: 9 }, 'priority'],
    [{ ...valid, notify: 'yes' }, 'notify'],
    [{ ...valid, colour: 'red' }, 'body'],
  ])('refuses %j naming %s', (body, path) => {
    const error = (() => {
      try {
        parseDeclaration(body);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).path).toBe(path);
  });

  it('takes a resolution text as one string (for every language) or per language', () => {
    expect(parseResolution({ message: 'Over.' })).toEqual({ message: { en: 'Over.' } });
    expect(parseResolution({ message: { pt: 'Acabou.' } })).toEqual({ message: { pt: 'Acabou.' } });
    expect(parseResolution(undefined)).toEqual({ message: undefined });
  });
});
