import Holidays from 'date-holidays';
import { ValidationError } from '../../domain/errors';
import {
  addDays,
  closedDays,
  closedRuns,
  type HolidayCalendar,
  type HolidaySource,
  type TeamCalendar,
} from '../../domain/routing/holiday-calendar';
import type { PolicyShape, QueuePolicy } from '../../domain/routing/policy-schema';

// Never bundled into a Lambda: date-holidays with its parser, moment-timezone and astronomia is ~1.5 MB
// minified. The CDK app computes the calendar here and bakes the result into each bundle
// (infra/constructs/bundling.ts); the local runtime and the tests call it directly.

/**
 * Dated exceptions (closed runs and special-hours dates) a team may have in one horizon: Amazon Connect
 * allows 50 overrides per hours of operation, not adjustable ("Set the hours of operation", Connect
 * Administrator Guide). A team that would need more gets a shorter horizon, so the Lambdas never
 * close a day Connect leaves open.
 */
export const MAX_DATED_EXCEPTIONS = 50;

const DAY_MS = 86_400_000;

/** A horizon of local dates, both ends included (YYYY-MM-DD). */
export interface Horizon {
  readonly from: string;
  readonly until: string;
}

/**
 * The rolling horizon from `now`: the first of its month (UTC) to the last day of the month `months`
 * later, so it always reaches at least `months` ahead and stays the same all month (the bundles only
 * change when the calendar does).
 */
export function rollingHorizon(now: Date, months = 12): Horizon {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months + 1, 0));
  return { from: from.toISOString().slice(0, 10), until: end.toISOString().slice(0, 10) };
}

/** The holiday source of the CDK app and the local runtime: a rolling horizon from `now`, within Connect's quota. */
export function rollingHolidaySource(now: Date, months = 12): HolidaySource {
  return (policy) => computeHolidayCalendar(policy, rollingHorizon(now, months), MAX_DATED_EXCEPTIONS);
}

/**
 * Every team's holidays over `horizon` from its country's calendar (date-holidays), in the team's time
 * zone and language; with `maxExceptions`, a team's horizon ends before the exception that would pass it.
 */
export function computeHolidayCalendar(
  policy: PolicyShape,
  horizon: Horizon,
  maxExceptions = Number.POSITIVE_INFINITY,
): HolidayCalendar {
  const teams: Record<string, TeamCalendar> = {};
  for (const [id, queue] of Object.entries(policy.queues)) {
    const days = queue.alwaysOpen ? {} : teamHolidays(id, queue, horizon);
    teams[id] = withinQuota(queue, { until: horizon.until, days }, horizon.from, maxExceptions);
  }
  return { from: horizon.from, until: horizon.until, teams };
}

// China's lunar holidays take ~100 ms a year to compute; tests and benches load the policy many times.
const computed = new Map<string, Readonly<Record<string, string>>>();

function teamHolidays(id: string, queue: QueuePolicy, horizon: Horizon): Readonly<Record<string, string>> {
  if (!queue.holidays.country) return {};
  const key = JSON.stringify([queue.holidays, queue.language, queue.timeZone, horizon]);
  const known = computed.get(key);
  if (known) return known;
  const days = Object.freeze(holidaysOf(id, queue, horizon));
  computed.set(key, days);
  return days;
}

function holidaysOf(id: string, queue: QueuePolicy, horizon: Horizon): Record<string, string> {
  const { closedOn, except } = queue.holidays;
  const calendar = openCalendar(id, queue);
  const days: Record<string, string> = {};
  const firstYear = Number(horizon.from.slice(0, 4));
  const lastYear = Number(horizon.until.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    for (const holiday of calendar.getHolidays(year, queue.language)) {
      if (!closedOn.includes(holiday.type) || except.includes(holiday.name)) continue;
      // `date` is the civil date and time the holiday begins in the team's zone. One that begins later
      // than midnight covers part of a day only (China's Women's Day afternoon, Brazil's Christmas Eve
      // evening) and leaves the team open; special hours say so by hand. Islamic holidays begin at the
      // sunset before their civil date, which `date` already gives as that date's midnight.
      if (holiday.date.slice(11, 19) !== '00:00:00') continue;
      const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
      for (let i = 0; i < length; i++) {
        const date = addDays(holiday.date.slice(0, 10), i);
        if (date < horizon.from || date > horizon.until) continue;
        days[date] = days[date] ? `${days[date]}, ${holiday.name}` : holiday.name;
      }
    }
  }
  return days;
}

function openCalendar(id: string, queue: QueuePolicy): Holidays {
  const { country = '', region } = queue.holidays;
  const at = `queues.${id}.holidays`;
  const known = new Holidays();
  if (!Object.hasOwn(known.getCountries('en'), country))
    throw new ValidationError(`${at}.country`, `date-holidays has no calendar for "${country}"`);
  if (region) {
    const regions = Object.keys(known.getStates(country, 'en') ?? {});
    if (!regions.includes(region))
      throw new ValidationError(
        `${at}.region`,
        `date-holidays knows no region "${region}" in ${country}; known: ${regions.join(', ') || 'none'}`,
      );
    return new Holidays(country, region, { timezone: queue.timeZone, languages: [queue.language] });
  }
  return new Holidays(country, { timezone: queue.timeZone, languages: [queue.language] });
}

/** Cuts a team's horizon before the dated exception that would pass Connect's quota. */
function withinQuota(queue: QueuePolicy, team: TeamCalendar, from: string, max: number): TeamCalendar {
  const closed = closedDays(queue, team);
  const starts = [
    ...closedRuns(closed).map((run) => run.from),
    // A closed date wins over special hours on it, so those take no override of their own.
    ...Object.keys(queue.specialHours).filter((date) => !closed.has(date)),
  ]
    .filter((date) => date >= from && date <= team.until)
    .sort();
  const over = starts[max];
  if (over === undefined) return team;
  const until = addDays(over, -1);
  return { until, days: Object.fromEntries(Object.entries(team.days).filter(([date]) => date <= until)) };
}
