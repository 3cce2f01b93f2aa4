import type { CfnHoursOfOperation } from 'aws-cdk-lib/aws-connect';
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

// Connect limits override names to 127 characters.
const name = (text: string) => text.slice(0, 127);

/**
 * Holidays (closed all day) and special hours (that day's ranges replace the week) as Connect
 * hours-of-operation overrides, from `fromDate` on: Connect refuses overrides that already ended, and
 * the policy keeps past years for the Lambdas' own record.
 */
export function holidayOverrides(
  queue: QueuePolicy,
  fromDate: string,
): CfnHoursOfOperation.HoursOfOperationOverrideProperty[] {
  if (queue.alwaysOpen) return [];
  const closedDays = [
    ...Object.entries(queue.holidays),
    // Special hours without a range close the day too.
    ...Object.entries(queue.specialHours)
      .filter(([, s]) => s.ranges.length === 0)
      .map(([date, s]) => [date, s.name] as const),
  ];
  const closed = closedDays
    .filter(([date]) => date >= fromDate)
    .map(([date, holiday]) => ({
      overrideName: name(`${date} ${holiday}`),
      overrideDescription: name(`Closed all day: ${holiday}`),
      overrideType: 'CLOSED',
      effectiveFrom: date,
      effectiveTill: date,
      overrideConfig: [{ day: weekdayOf(date), startTime: MIDNIGHT, endTime: { hours: 23, minutes: 59 } }],
    }));
  const special = Object.entries(queue.specialHours)
    .filter(([date, s]) => date >= fromDate && s.ranges.length > 0)
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
