import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidTimeZone, uncachedLocalTime, ZoneClock } from '../../../functions/domain/routing/time-zone';

// Zones with DST, half-hour and 45-minute offsets, southern-hemisphere summers and abolished DST.
const ZONES = [
  'Europe/Paris',
  'America/New_York',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Pacific/Chatham',
  'Asia/Tehran',
  'Africa/Casablanca',
  'Asia/Jakarta',
  'UTC',
];
const FROM = Date.UTC(2000, 0, 1);
const TO = Date.UTC(2040, 0, 1);

describe('zone clock', () => {
  it('gives the same local time as Intl without a cache, at any instant in any zone', () => {
    // Prepare
    const clocks = new Map(ZONES.map((zone) => [zone, new ZoneClock(zone)]));
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, ms) => {
        // Act: twice, so both the cache miss and the cache hit are compared
        const clock = clocks.get(zone) as ZoneClock;
        const first = clock.local(ms);
        const second = clock.local(ms);
        // Assess
        const expected = uncachedLocalTime(zone, new Date(ms));
        expect(first).toEqual(expected);
        expect(second).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with Intl minute by minute around DST switches', () => {
    // Prepare: Paris spring and autumn 2026, New York spring 2026, São Paulo's last DST start (2018)
    const switches = [
      ['Europe/Paris', '2026-03-29T01:00:00Z'],
      ['Europe/Paris', '2026-10-25T01:00:00Z'],
      ['America/New_York', '2026-03-08T07:00:00Z'],
      ['America/Sao_Paulo', '2018-11-04T03:00:00Z'],
    ] as const;
    for (const [zone, at] of switches) {
      const clock = new ZoneClock(zone);
      const centre = Date.parse(at);
      for (let ms = centre - 90 * 60_000; ms <= centre + 90 * 60_000; ms += 60_000) {
        // Act
        const local = clock.local(ms);
        // Assess
        expect(local).toEqual(uncachedLocalTime(zone, new Date(ms)));
      }
    }
  });

  it('turns a local wall-clock time back into the instant, across DST', () => {
    // Prepare
    const paris = new ZoneClock('Europe/Paris');
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    // Act / Assess: summer (+2), winter (+1), the skipped 02:30 reads as 03:30, the doubled 02:30 is the first
    expect(new Date(paris.toInstant(day('2026-07-10'), 15 * 60)).toISOString()).toBe(
      '2026-07-10T13:00:00.000Z',
    );
    expect(new Date(paris.toInstant(day('2026-01-10'), 15 * 60)).toISOString()).toBe(
      '2026-01-10T14:00:00.000Z',
    );
    expect(new Date(paris.toInstant(day('2026-03-29'), 150)).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(paris.toInstant(day('2026-10-25'), 150)).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('tells a real IANA zone from a typo', () => {
    // Assess
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Europe/Pariss')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
