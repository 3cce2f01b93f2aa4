// Public holidays come from date-holidays for every year a deployment may live through: the
// routing must close each team on its country's holidays in 2035 as it does in 2026.
import Holidays from 'date-holidays';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeHolidayCalendar } from '../../../functions/adapters/holidays/date-holidays-calendar';
import { isQueueOpen } from '../../../functions/domain/routing/hours';
import { loadRoutingPolicy } from '../../../functions/domain/routing/load-policy';
import { route } from '../../../functions/domain/routing/route';
import { zoneClock } from '../../../functions/domain/routing/time-zone';
import { contactOf, defaultPolicyJson } from './routing-fixtures';

// Ten years in one computation (~2.5 s, China's lunar calendar being most of it).
const policy = loadRoutingPolicy(defaultPolicyJson(), (p) =>
  computeHolidayCalendar(p, { from: '2026-01-01', until: '2035-12-31' }),
);
const TEAMS = Object.keys(policy.queues).filter((id) => policy.queues[id]?.holidays.country);
const year = fc.integer({ min: 2026, max: 2035 });

/** 10:00 on a local date of the team's zone. */
function tenInTheMorning(teamId: string, date: string): Date {
  const clock = zoneClock(policy.queues[teamId]?.timeZone ?? 'UTC');
  if (!clock) throw new Error(`no zone for ${teamId}`);
  return new Date(clock.toInstant(Date.parse(`${date}T00:00:00Z`) / 86_400_000, 600));
}

const closed = (teamId: string, date: string) => isQueueOpen(policy, teamId, tenInTheMorning(teamId, date));

// Countries whose law makes 25 December a day off (Russia keeps Orthodox Christmas on 7 January;
// China has no Christmas holiday).
const CHRISTMAS_OFF = new Set(['GB', 'FR', 'DE', 'ES', 'IT', 'BR', 'NL', 'ID']);

describe('public holidays from the calendar library, 2026–2035', () => {
  it('closes every team on Christmas Day exactly where its country closes it', () => {
    fc.assert(
      fc.property(year, fc.constantFrom(...TEAMS), (y, id) => {
        const hours = closed(id, `${y}-12-25`);
        const country = policy.queues[id]?.holidays.country ?? '';
        if (CHRISTMAS_OFF.has(country)) {
          expect(hours.open).toBe(false);
          expect(hours.reason).toContain('holiday: ');
        } else {
          expect(hours.reason).not.toContain('holiday: ');
        }
      }),
      { numRuns: 200 },
    );
    expect(closed('ru-team', '2031-01-07').reason).toContain('holiday: Рождество Христово');
  });

  it('closes zh-team for the first three days of the National Day holiday, named in Chinese', () => {
    fc.assert(
      fc.property(year, fc.integer({ min: 1, max: 3 }), (y, day) => {
        const hours = closed('zh-team', `${y}-10-0${day}`);
        expect(hours.open).toBe(false);
        expect(hours.reason).toContain('国庆节');
      }),
    );
  });

  it('closes id-team on Hari Raya Idul Fitri on the dates the library gives, in Jakarta time', () => {
    const library = new Holidays('ID', { timezone: 'Asia/Jakarta', languages: ['id'] });
    fc.assert(
      fc.property(year, (y) => {
        const fitri = library
          .getHolidays(y, 'id')
          .filter((h) => h.name.includes('Idul Fitri'))
          .map((h) => h.date.slice(0, 10));
        expect(fitri.length).toBeGreaterThanOrEqual(2);
        for (const date of fitri) {
          const hours = closed('id-team', date);
          expect(hours.open).toBe(false);
          expect(hours.reason).toContain('Hari Raya Idul Fitri');
        }
      }),
    );
  });

  it('routes a contact on any of its team’s holidays to the 24/7 fallback, in every year to 2035', () => {
    const holidays = TEAMS.flatMap((id) =>
      Object.keys(policy.calendar.teams[id]?.days ?? {}).map((date) => [id, date] as const),
    );
    fc.assert(
      fc.property(fc.constantFrom(...holidays), ([id, date]) => {
        const language = policy.queues[id]?.language ?? 'en';
        const decision = route(
          policy,
          contactOf(language, 'general'),
          undefined,
          undefined,
          tenInTheMorning(id, date),
        );
        expect(decision.queue).toBe(policy.fallbackQueue);
        expect(decision.fallbackUsed).toBe(true);
        expect(decision.reasons.join(' ')).toContain(`${id} closed (holiday: `);
      }),
      { numRuns: 300 },
    );
    const years = new Set(holidays.map(([, date]) => date.slice(0, 4)));
    expect([...years].sort()).toEqual(Array.from({ length: 10 }, (_, i) => String(2026 + i)));
  });

  it('leaves a team open on a holiday that covers only part of the day (China’s Women’s Day afternoon)', () => {
    fc.assert(
      fc.property(year, (y) => {
        expect(closed('zh-team', `${y}-03-08`).reason).not.toContain('holiday: ');
      }),
    );
  });

  it('keeps a team working on a holiday its policy lists under except (Children’s Day for zh-team)', () => {
    expect(policy.queues['zh-team']?.holidays.except).toContain('六一儿童节');
    fc.assert(
      fc.property(year, (y) => {
        // Dragon Boat Festival may fall on 1 June too (2033): that one still closes the team.
        expect(closed('zh-team', `${y}-06-01`).reason).not.toContain('六一儿童节');
      }),
    );
  });
});
