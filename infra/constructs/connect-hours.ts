import type { CfnHoursOfOperation } from 'aws-cdk-lib/aws-connect';
import {
  closedDays,
  closedRuns,
  nextDate,
  type TeamCalendar,
} from '../../functions/domain/routing/holiday-calendar';
import type { QueuePolicy } from '../../functions/domain/routing/policy-schema';

type DayKey = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
type Slice = { hours: number; minutes: number };

const DAYS: Record<DayKey, string> = {
  mon: 'MONDAY',
  tue: 'TUESDAY',
  wed: 'WEDNESDAY',
  thu: 'THURSDAY',
  fri: 'FRIDAY',
  sat: 'SATURDAY',
  sun: 'SUNDAY',
};
const BY_UTC_DAY = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const MIDNIGHT: Slice = { hours: 0, minutes: 0 };

// Connect reads 00:00 → 00:00 as the whole day and an end before the start as running past
// midnight, which is exactly what the policy's "24:00" and overnight ranges mean.
function slice(hhmm: string): Slice {
  if (hhmm === '24:00') return MIDNIGHT;
  const [h, m] = hhmm.split(':').map(Number);
  return { hours: h ?? 0, minutes: m ?? 0 };
}

/** The weekly hours of a policy queue as Connect hours-of-operation config (all day, every day when alwaysOpen). */
export function weeklyHours(queue: QueuePolicy): CfnHoursOfOperation.HoursOfOperationConfigProperty[] {
  if (queue.alwaysOpen)
    return Object.values(DAYS).map((day) => ({ day, startTime: MIDNIGHT, endTime: MIDNIGHT }));
  return (Object.keys(DAYS) as DayKey[]).flatMap((key) =>
    (queue.hours[key] ?? []).map((r) => ({
      day: DAYS[key],
      startTime: slice(r.open),
      endTime: slice(r.close),
    })),
  );
}

function weekdayOf(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return BY_UTC_DAY[new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay()] ?? 'MONDAY';
}

/** Every weekday a run of dates touches (all seven once it spans a week). */
function weekdaysOf(from: string, till: string): string[] {
  const days: string[] = [];
  for (let date = from; date <= till && days.length < 7; date = nextDate(date)) days.push(weekdayOf(date));
  return days;
}

// Connect limits override names to 127 characters.
const name = (text: string) => text.slice(0, 127);

/**
 * The team's closed days and special hours as Connect hours-of-operation overrides, from `fromDate`
 * (Connect refuses overrides that already ended) to the end of the team's calendar horizon (the
 * calendar kept it within Connect's 50 overrides per hours of operation). Consecutive closed days
 * of one holiday become one override. A closed day runs from 00:00 to 00:00: Connect's time slices
 * stop at 23:59 (OverrideTimeSlice: hours 0–23, minutes 0–59) and it reads an end of 00:00 as the
 * midnight that ends the day ("How to specify midnight", Connect Administrator Guide), so no minute
 * before midnight stays open.
 */
export function holidayOverrides(
  queue: QueuePolicy,
  team: TeamCalendar | undefined,
  fromDate: string,
): CfnHoursOfOperation.HoursOfOperationOverrideProperty[] {
  if (queue.alwaysOpen) return [];
  const until = team?.until ?? '9999-12-31';
  const inHorizon = (date: string) => date >= fromDate && date <= until;
  const days = closedDays(queue, team);
  // Special hours without a range close the day too.
  for (const [date, s] of Object.entries(queue.specialHours))
    if (s.ranges.length === 0 && !days.has(date)) days.set(date, s.name);
  const closed = closedRuns(days)
    .filter((run) => run.till >= fromDate && run.from <= until)
    .map((run) => {
      const from = run.from < fromDate ? fromDate : run.from;
      const till = run.till > until ? until : run.till;
      return {
        overrideName: name(from === till ? `${from} ${run.name}` : `${from}–${till} ${run.name}`),
        overrideDescription: name(`Closed all day: ${run.name}`),
        overrideType: 'CLOSED',
        effectiveFrom: from,
        effectiveTill: till,
        overrideConfig: weekdaysOf(from, till).map((day) => ({
          day,
          startTime: MIDNIGHT,
          endTime: MIDNIGHT,
        })),
      };
    });
  const special = Object.entries(queue.specialHours)
    .filter(([date, s]) => inHorizon(date) && s.ranges.length > 0 && !days.has(date))
    .map(([date, s]) => ({
      overrideName: name(`${date} ${s.name}`),
      overrideDescription: name(`Special hours: ${s.name}`),
      overrideType: 'STANDARD',
      effectiveFrom: date,
      effectiveTill: date,
      overrideConfig: s.ranges.map((r) => ({
        day: weekdayOf(date),
        startTime: slice(r.open),
        endTime: slice(r.close),
      })),
    }));
  return [...closed, ...special].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}
