import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  computeHolidayCalendar,
  MAX_DATED_EXCEPTIONS,
  rollingHolidaySource,
} from '../../functions/adapters/holidays/date-holidays-calendar';
import { addDays, horizonWarnings } from '../../functions/domain/routing/holiday-calendar';
import { loadRoutingPolicy } from '../../functions/domain/routing/load-policy';
import type { QueuePolicy } from '../../functions/domain/routing/policy-schema';
import { holidayOverrides, weeklyHours } from '../../infra/constructs/connect-hours';
import { testHolidays } from '../support/test-holidays';

const policy = loadRoutingPolicy(
  JSON.parse(readFileSync('policy/routing-policy.json', 'utf8')),
  testHolidays,
);
const queue = (id: string): QueuePolicy => {
  const q = policy.queues[id];
  if (!q) throw new Error(`no queue ${id}`);
  return q;
};

describe('weeklyHours', () => {
  it('gives Connect one range per open day, leaving closed days out', () => {
    const de = weeklyHours(queue('de-team'));
    expect(de.map((c) => c.day)).toEqual([
      'MONDAY',
      'TUESDAY',
      'WEDNESDAY',
      'THURSDAY',
      'FRIDAY',
      'SATURDAY',
    ]);
    expect(de[5]).toEqual({
      day: 'SATURDAY',
      startTime: { hours: 9, minutes: 0 },
      endTime: { hours: 18, minutes: 0 },
    });
  });

  it('keeps past-midnight closings and turns 24:00 into midnight', () => {
    const es = weeklyHours(queue('es-team')).find((c) => c.day === 'FRIDAY');
    expect(es).toMatchObject({ startTime: { hours: 9, minutes: 0 }, endTime: { hours: 1, minutes: 0 } });
    const zh = weeklyHours(queue('zh-team')).find((c) => c.day === 'SUNDAY');
    expect(zh).toMatchObject({ startTime: { hours: 8, minutes: 0 }, endTime: { hours: 0, minutes: 0 } });
  });

  it('opens the fallback queue all day, every day', () => {
    const all = weeklyHours(queue('global-247'));
    expect(all).toHaveLength(7);
    for (const c of all)
      expect(c).toMatchObject({ startTime: { hours: 0, minutes: 0 }, endTime: { hours: 0, minutes: 0 } });
  });
});

describe('holidayOverrides', () => {
  const fr = () => queue('fr-team');
  const team = (id: string) => policy.calendar.teams[id];

  it('closes public holidays from 00:00 to 00:00 and shortens special days, from the given date on', () => {
    // Act
    const overrides = holidayOverrides(fr(), team('fr-team'), '2026-11-23');

    // Assess
    expect(overrides.map((o) => o.effectiveFrom).slice(0, 6)).toEqual([
      '2026-12-24',
      '2026-12-25',
      '2026-12-31',
      '2027-01-01',
      '2027-03-29',
      '2027-05-01',
    ]);
    expect(overrides.find((o) => o.effectiveFrom === '2026-12-25')).toEqual({
      overrideName: '2026-12-25 Noël',
      overrideDescription: 'Closed all day: Noël',
      overrideType: 'CLOSED',
      effectiveFrom: '2026-12-25',
      effectiveTill: '2026-12-25',
      overrideConfig: [
        { day: 'FRIDAY', startTime: { hours: 0, minutes: 0 }, endTime: { hours: 0, minutes: 0 } },
      ],
    });
    expect(overrides.find((o) => o.effectiveFrom === '2026-12-24')).toMatchObject({
      overrideType: 'STANDARD',
      overrideConfig: [
        { day: 'THURSDAY', startTime: { hours: 8, minutes: 0 }, endTime: { hours: 18, minutes: 0 } },
      ],
    });
  });

  it('leaves no minute of a closed day open: every closed slice ends at the midnight it starts from', () => {
    for (const id of Object.keys(policy.queues)) {
      for (const o of holidayOverrides(queue(id), team(id), '2026-01-01')) {
        if (o.overrideType !== 'CLOSED') continue;
        for (const c of o.overrideConfig as { startTime: unknown; endTime: unknown }[]) {
          expect(c.startTime).toEqual({ hours: 0, minutes: 0 });
          expect(c.endTime).toEqual({ hours: 0, minutes: 0 });
        }
      }
    }
  });

  it('makes one override of a holiday that lasts several days, naming each weekday it covers', () => {
    // Act
    const golden = holidayOverrides(queue('zh-team'), team('zh-team'), '2027-09-01').find(
      (o) => o.effectiveFrom === '2027-10-01',
    );

    // Assess
    expect(golden).toMatchObject({
      overrideName: '2027-10-01–2027-10-03 国庆节',
      effectiveTill: '2027-10-03',
    });
    expect(((golden?.overrideConfig ?? []) as { day: string }[]).map((c) => c.day)).toEqual([
      'FRIDAY',
      'SATURDAY',
      'SUNDAY',
    ]);
  });

  it("stops at the end of the team's calendar horizon", () => {
    // Prepare
    const calendar = computeHolidayCalendar(policy, { from: '2026-11-01', until: '2027-10-31' });

    // Act
    const overrides = holidayOverrides(fr(), calendar.teams['fr-team'], '2026-11-23');

    // Assess
    expect(overrides.every((o) => o.effectiveTill <= '2027-10-31')).toBe(true);
    expect(overrides.some((o) => o.effectiveFrom === '2027-12-25')).toBe(false);
  });

  it('has no overrides for an always-open queue', () => {
    expect(holidayOverrides(queue('global-247'), team('global-247'), '2026-01-01')).toEqual([]);
  });
});

describe("Connect's 50 overrides per hours of operation", () => {
  it("ends a team's horizon before the 51st override, and warns when that is within 60 days", () => {
    // Prepare: a team closed every Monday by hand, far more than Connect takes in a year.
    const json = JSON.parse(readFileSync('policy/routing-policy.json', 'utf8'));
    const mondays: Record<string, string> = {};
    for (let date = '2027-01-04'; date < '2028-01-01'; date = addDays(date, 7)) mondays[date] = 'Inventory';
    json.queues['fr-team'].holidays.closures = mondays;

    // Act
    const crowded = loadRoutingPolicy(json, rollingHolidaySource(new Date('2026-12-06T12:00:00Z')));
    const overrides = holidayOverrides(
      crowded.queues['fr-team'] as QueuePolicy,
      crowded.calendar.teams['fr-team'],
      '2026-12-06',
    );

    // Assess
    expect(overrides).toHaveLength(MAX_DATED_EXCEPTIONS);
    const until = crowded.calendar.teams['fr-team']?.until ?? '';
    expect(until < crowded.calendar.until).toBe(true);
    expect(overrides.every((o) => o.effectiveTill <= until)).toBe(true);
    expect(horizonWarnings(crowded, new Date('2026-12-06T12:00:00Z'))).toEqual([]);
    expect(horizonWarnings(crowded, new Date(`${addDays(until, -59)}T12:00:00Z`))).toEqual([
      expect.stringMatching(/^fr-team: public holidays of FR are known only until \d{4}-\d{2}-\d{2}/),
    ]);
  });
});
