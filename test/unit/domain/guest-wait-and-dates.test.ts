import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStayDate } from '../../../functions/domain/i18n/dates';
import { roundWait, waitPhrase } from '../../../functions/domain/i18n/wait';
import { LANGUAGES } from '../../../functions/domain/languages';

const language = fc.constantFrom(...LANGUAGES);
const minutes = fc.integer({ min: 0, max: 20_000 });

// Every plural form a language gives a unit ("минута", "минуты", "минут"), as CLDR writes it.
function unitWords(lang: string, unit: 'minute' | 'hour'): string[] {
  const f = new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' });
  const words = [0, 1, 2, 3, 5, 11, 21, 22, 25].flatMap((n) =>
    f
      .formatToParts(n)
      .filter((p) => p.type === 'unit')
      .map((p) => p.value),
  );
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

function numbersBefore(phrase: string, words: readonly string[]): number[] {
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(\\d+)\\s*(?:${escaped.join('|')})`, 'g');
  return [...phrase.matchAll(pattern)].map((m) => Number(m[1]));
}

describe('waits as guests hear and read them', () => {
  it('never says a number of 60 or more followed by minutes, in any language', () => {
    fc.assert(
      fc.property(language, minutes, (lang, m) => {
        const phrase = waitPhrase(lang, m);
        for (const n of numbersBefore(phrase, unitWords(lang, 'minute'))) expect(n).toBeLessThan(60);
      }),
    );
  });

  it('stays within the rounding a person means by "about"', () => {
    fc.assert(
      fc.property(minutes, (m) => {
        const w = roundWait(m);
        const said = w.days * 1440 + w.hours * 60 + w.minutes;
        const tolerance = m < 60 ? 0.5 : m < 360 ? 2.5 : m < 2880 ? 30 : 720;
        expect(Math.abs(said - Math.max(1, m))).toBeLessThanOrEqual(tolerance);
        expect(w.minutes).toBeLessThan(60);
        expect(w.hours).toBeLessThan(48);
      }),
    );
  });

  // Up to 47 h 29 min: from 47 h 30 min the wait rounds to 2 days.
  it('gives hours from an hour on, in every language', () => {
    fc.assert(
      fc.property(language, fc.integer({ min: 60, max: 2_849 }), (lang, m) => {
        expect(numbersBefore(waitPhrase(lang, m), unitWords(lang, 'hour')).length).toBe(1);
      }),
    );
  });

  it('says 480 minutes as 8 hours and 90 as 1 hour 30 minutes in English', () => {
    expect(waitPhrase('en', 480)).toBe('8 hours');
    expect(waitPhrase('en', 90)).toBe('1 hour 30 minutes');
  });

  it('says 47 hours 30 minutes as the 2 days it rounds to, never 48 hours', () => {
    expect(waitPhrase('en', 2850)).toBe('2 days');
  });

  it('uses each language’s own plural forms', () => {
    expect(waitPhrase('ru', 120)).toBe('2 часа');
    expect(waitPhrase('ru', 300)).toBe('5 часов');
    expect(waitPhrase('fr', 60)).not.toContain('heures');
    expect(waitPhrase('fr', 120)).toContain('heures');
  });
});

describe('stay dates as guests read them', () => {
  const day = fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  });

  it('writes any date without the ISO pattern, with its year, in every language', () => {
    fc.assert(
      fc.property(language, day, (lang, d) => {
        const iso = d.toISOString().slice(0, 10);
        const written = formatStayDate(lang, iso);
        expect(written).not.toMatch(/\d{4}-\d{2}-\d{2}/);
        expect(written).toContain(iso.slice(0, 4));
        expect(written).toContain(String(Number(iso.slice(8, 10))));
      }),
    );
  });

  it('keeps the calendar day whatever the host’s time zone (a date is not an instant)', () => {
    expect(formatStayDate('en', '2026-01-01')).toContain('2026');
    expect(formatStayDate('en', '2026-01-01')).not.toContain('2025');
  });

  it('returns text that is not a date unchanged instead of losing it', () => {
    expect(formatStayDate('fr', 'soon')).toBe('soon');
    expect(formatStayDate('fr', '2026-13-45')).toBe('2026-13-45');
  });
});
