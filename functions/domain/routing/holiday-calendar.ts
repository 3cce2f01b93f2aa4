import type { PolicyShape, QueuePolicy, RoutingPolicy } from './policy-schema';
import { zoneClock } from './time-zone';

/** One team's public holidays as computed from its calendar, over the calendar's horizon. */
export interface TeamCalendar {
  /** Last local date (YYYY-MM-DD) the holidays are known for; later dates have none until recomputed. */
  readonly until: string;
  /** Local date → the holiday's name in the team's language. */
  readonly days: Readonly<Record<string, string>>;
}

/**
 * The holidays of every team of a policy over one horizon: computed once (with date-holidays, where the
 * policy is loaded) and read by everything that decides whether a team is open, so nothing keeps a list
 * of its own.
 */
export interface HolidayCalendar {
  /** First local date covered (YYYY-MM-DD). */
  readonly from: string;
  /** Last local date asked for; a team's own `until` may end earlier (Connect's override quota). */
  readonly until: string;
  /** Policy queue id → its holidays. */
  readonly teams: Readonly<Record<string, TeamCalendar>>;
}

/** Computes the holiday calendar of a validated policy (the port the date-holidays adapter fills). */
export type HolidaySource = (policy: PolicyShape) => HolidayCalendar;

/**
 * Every local date a queue is closed all day, with its name: the calendar's holidays and the
 * hand-listed closures (the hand-listed name wins on a shared date: someone wrote it on purpose).
 */
export function closedDays(queue: QueuePolicy, team: TeamCalendar | undefined): Map<string, string> {
  const days = new Map<string, string>(Object.entries(team?.days ?? {}));
  for (const [date, name] of Object.entries(queue.holidays.closures)) days.set(date, name);
  return days;
}

/** A run of consecutive closed dates under one name: one override in the contact centre's calendar. */
export interface ClosedRun {
  readonly from: string;
  readonly till: string;
  readonly name: string;
}

/** Closed dates merged into runs of consecutive days with the same name (Golden Week is one run). */
export function closedRuns(days: ReadonlyMap<string, string>): ClosedRun[] {
  const runs: { from: string; till: string; name: string }[] = [];
  for (const date of [...days.keys()].sort()) {
    const name = days.get(date) ?? '';
    const last = runs[runs.length - 1];
    if (last && last.name === name && nextDate(last.till) === date) last.till = date;
    else runs.push({ from: date, till: date, name });
  }
  return runs;
}

/** The local date after `date` (both YYYY-MM-DD). */
export function nextDate(date: string): string {
  return addDays(date, 1);
}

/** `date` moved by `days` calendar days (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** How near the end of a team's horizon may come before warnings name the team (a redeploy or restart rolls it on). */
export const HORIZON_WARNING_DAYS = 60;

/**
 * One line per team whose public holidays are known for fewer than `withinDays` more days at `now`
 * (UTC date): after its horizon the team would be open on every holiday.
 */
export function horizonWarnings(
  policy: RoutingPolicy,
  now: Date,
  withinDays = HORIZON_WARNING_DAYS,
): string[] {
  const today = now.toISOString().slice(0, 10);
  const limit = addDays(today, withinDays);
  const warnings: string[] = [];
  for (const [id, queue] of Object.entries(policy.queues)) {
    const until = policy.calendar.teams[id]?.until;
    if (!queue.holidays.country || queue.alwaysOpen) continue;
    if (!until || until < limit)
      warnings.push(
        `${id}: public holidays of ${calendarName(queue)} are known only until ${until ?? 'never'}; after that the team counts as open on holidays (redeploy or restart to roll the calendar forward)`,
      );
  }
  return warnings;
}

/** "FR", "DE-BY": the calendar a team follows, as ISO 3166 writes it. */
export function calendarName(queue: QueuePolicy): string {
  const { country, region } = queue.holidays;
  return region ? `${country}-${region}` : (country ?? 'no country');
}

/** A day a team is closed all day, as people read it. */
export interface Closure {
  readonly date: string;
  readonly name: string;
}

/**
 * The next `count` days a queue is closed all day from its local date at `now` on, within its
 * calendar's horizon (what the console's policy view lists).
 */
export function upcomingClosures(
  policy: RoutingPolicy,
  queueId: string,
  now: Date,
  count: number,
): Closure[] {
  const queue = policy.queues[queueId];
  if (!queue || queue.alwaysOpen) return [];
  const team = policy.calendar.teams[queueId];
  const today = localDate(queue.timeZone, now);
  return [...closedDays(queue, team)]
    .filter(([date]) => date >= today)
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(0, count)
    .map(([date, name]) => ({ date, name }));
}

function localDate(timeZone: string, now: Date): string {
  const day = zoneClock(timeZone)?.local(now.getTime()).dayNumber;
  return new Date((day ?? Math.floor(now.getTime() / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}
