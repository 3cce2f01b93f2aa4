import { describe, expect, it } from 'vitest';
import type { Booking } from '../../../functions/domain/booking';
import { CATALOGUE } from '../../../functions/domain/i18n/catalogue';
import { type AnsweringTeam, composeAck } from '../../../functions/domain/i18n/replies';
import { LANGUAGES, type Language } from '../../../functions/domain/languages';

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

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

function ack(language: Language, minutes: number, routing?: AnsweringTeam, verified?: Booking): string {
  return composeAck({
    language,
    caseNumber: 'CR-7K4M2Q',
    continued: false,
    expectedResponseMinutes: minutes,
    routing,
    verifiedBooking: verified,
  });
}

// How the guest's own language names another language ("français", "Englisch"), cut to its stem so
// inflected forms count too ("по-французски" for "французский", "Franstalige" for "Frans").
function stemOf(guest: Language, language: Language): string {
  const name = new Intl.DisplayNames(guest, { type: 'language' }).of(language) ?? language;
  return name.slice(0, Math.max(1, name.length - 2)).toLowerCase();
}

// The guest's own team (French for an English guest, so that it differs from the one answering) and
// the English-speaking 24/7 team that answers instead.
const ownTeam = (guest: Language): Language => (guest === 'en' ? 'fr' : guest);
const ANSWERING: Language = 'en';

describe('composeAck', () => {
  it.each(LANGUAGES)(
    'gives the case number, the wait and the booking status in %s, with no unfilled slot',
    (language) => {
      const text = ack(language, 15, undefined, booking);
      expect(text).toContain('CR-7K4M2Q');
      expect(text).toContain('15');
      expect(text).toContain(CATALOGUE[language].statuses.confirmed);
      expect(text).not.toMatch(/\{\w+\}/);
    },
  );

  it.each(LANGUAGES)('says an eight-hour wait in hours in %s, never as 480 minutes', (language) => {
    const text = ack(language, 480);
    expect(text).toContain('8');
    // Nothing else in this reply carries a number: any number of 60 or more would be minutes.
    expect([...text.matchAll(/\d+/g)].map((m) => Number(m[0])).filter((n) => n >= 60)).toEqual([]);
  });

  it.each(LANGUAGES)('says an hour and a half as one hour and 30 minutes in %s', (language) => {
    const numbers = [...ack(language, 90).matchAll(/\d+/g)].map((m) => m[0]);
    expect(numbers).toEqual(expect.arrayContaining(['1', '30']));
    expect(numbers).not.toContain('90');
  });

  it.each(LANGUAGES)('writes the stay dates the way %s writes dates, never as ISO dates', (language) => {
    const text = ack(language, 15, undefined, booking);
    expect(text).not.toMatch(ISO_DATE);
    expect(text).toContain('2026');
    expect(text).toMatch(/23/);
  });

  it.each(LANGUAGES)('tells a %s guest their team is closed and names who answers instead', (language) => {
    // Prepare: the guest's own team is closed; a team of another language answers
    const answering = ANSWERING;
    const own = ownTeam(language);
    const routing: AnsweringTeam = {
      language: answering,
      teamAway: { queue: `${own}-team`, language: own, reason: 'closed' },
    };
    // Act
    const plain = ack(language, 2);
    const closed = ack(language, 2, routing);
    // Assess
    expect(closed).not.toBe(plain);
    expect(closed.toLowerCase()).toContain(stemOf(language, own));
    expect(closed.toLowerCase()).toContain(stemOf(language, answering));
    expect(closed).toContain('2');
    expect(closed).not.toMatch(/\{\w+\}/);
  });

  it.each(LANGUAGES)('tells a %s guest apart whether the team is closed or only unstaffed', (language) => {
    const own = ownTeam(language);
    const away = (reason: 'closed' | 'unstaffed'): AnsweringTeam => ({
      language: ANSWERING,
      teamAway: { queue: `${own}-team`, language: own, reason },
    });
    expect(ack(language, 10, away('closed'))).not.toBe(ack(language, 10, away('unstaffed')));
  });

  it.each(LANGUAGES)('tells a %s guest held for their own team that it answers once it opens', (language) => {
    // Prepare: the team opens in 50 minutes and then answers within 10
    const routing: AnsweringTeam = {
      language,
      teamAway: { queue: `${language}-team`, language, reason: 'closed', holdMinutes: 50 },
    };
    // Act
    const text = ack(language, 60, routing);
    // Assess
    expect(text).not.toBe(ack(language, 60));
    expect(text.toLowerCase()).toContain(stemOf(language, language));
    expect(text).toContain('1');
    expect(text).not.toContain('60');
  });

  it('says nothing about another team when a team of the same language answers', () => {
    const routing: AnsweringTeam = {
      language: 'en',
      teamAway: { queue: 'en-team', language: 'en', reason: 'closed' },
    };
    expect(ack('en', 30, routing)).toBe(ack('en', 30));
  });

  it('runs Chinese sentences together without spaces', () => {
    const text = ack('zh', 5);
    expect(text).not.toMatch(/[。，] /);
    expect(text.split('。').length).toBeGreaterThan(2);
  });

  it('says nothing about a booking unless it is handed a verified one', () => {
    const text = composeAck({
      language: 'en',
      caseNumber: 'CR-1',
      continued: true,
      expectedResponseMinutes: 5,
    });
    expect(text).not.toContain(booking.propertyName);
    expect(text).not.toContain(booking.reference);
    expect(text).not.toContain('2026');
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

describe('the acknowledgement of a shed contact', () => {
  it.each(LANGUAGES)('says in %s that the wait is honest and the answer comes by message', (language) => {
    // Act
    const facts = { language, caseNumber: 'CR-7K4M2Q', continued: false, expectedResponseMinutes: 255 };
    const shed = composeAck({ ...facts, answeredByMessage: true });
    const usual = composeAck(facts);
    // Assess: the usual answer, the busy sentence after the promise
    expect(usual).not.toContain(CATALOGUE[language].busyAnswerByMessage);
    expect(shed.startsWith(usual)).toBe(true);
    expect(shed.endsWith(CATALOGUE[language].busyAnswerByMessage)).toBe(true);
  });
});
