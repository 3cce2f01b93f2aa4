import type { LoyaltyTier } from '../../functions/domain/booking';
import { effectivePriority } from '../../functions/domain/cases/escalation';
import type { WaitingEntry } from '../../functions/domain/cases/waiting-entry';
import {
  type Closure,
  calendarName,
  upcomingClosures,
} from '../../functions/domain/routing/holiday-calendar';
import { isQueueOpen } from '../../functions/domain/routing/hours';
import type { LocalApp } from '../app';

/** A waiting case as the console shows it: its entry, its priority now, its booking's tier and dates. */
export interface QueueEntryView extends WaitingEntry {
  /** The priority after escalation at the runtime's clock (docs/cases.md). */
  readonly effectivePriority?: number | undefined;
  readonly tier?: LoyaltyTier | undefined;
  readonly checkIn?: string | undefined;
  readonly checkOut?: string | undefined;
  readonly propertyName?: string | undefined;
}

/** One team of the routing policy and whether it takes contacts now. */
export interface TeamStatus {
  readonly id: string;
  readonly language: string;
  readonly timeZone: string;
  readonly open: boolean;
  readonly reason: string;
  readonly localTime: string;
  readonly fallback: boolean;
  readonly waiting: number;
  /** The public calendar the team follows ("FR", "DE-BE"), or null when it follows none. */
  readonly calendar: string | null;
  /** Last date its public holidays are computed for. */
  readonly calendarUntil: string;
  /** Its next days closed all day, from its local today. */
  readonly closures: readonly Closure[];
}

/** How many upcoming closed days the policy view lists per team. */
const CLOSURES_SHOWN = 5;

/** Every waiting list in serving order, one entry per case, with its booking's tier and travel dates. */
export async function queuesWithBookings(app: LocalApp): Promise<Record<string, QueueEntryView[]>> {
  const lists = await app.queues.listAll();
  const now = app.clock.now();
  const refs = new Set(
    Object.values(lists).flatMap((list) =>
      list.flatMap((entry) => (entry.bookingRef ? [entry.bookingRef] : [])),
    ),
  );
  const bookings = new Map(
    await Promise.all(
      [...refs].map(async (ref) => [ref, (await app.bookings.getBooking(ref, now))?.booking] as const),
    ),
  );
  const views: Record<string, QueueEntryView[]> = {};
  for (const [queue, list] of Object.entries(lists)) {
    views[queue] = list.map((waiting) => {
      const entry = { ...waiting, effectivePriority: effectivePriority(waiting, now, app.policy) };
      const booking = entry.bookingRef ? bookings.get(entry.bookingRef) : undefined;
      return booking
        ? {
            ...entry,
            tier: booking.tier,
            checkIn: booking.checkIn,
            checkOut: booking.checkOut,
            propertyName: booking.propertyName,
          }
        : entry;
    });
  }
  return views;
}

/** Each team's open or closed state at the runtime's clock, with how many cases wait for it. */
export async function teamStatuses(app: LocalApp): Promise<{ now: string; teams: TeamStatus[] }> {
  const now = app.clock.now();
  const lists = await app.queues.listAll();
  const teams = Object.entries(app.policy.queues).map(([id, queue]) => ({
    id,
    language: queue.language,
    timeZone: queue.timeZone,
    ...isQueueOpen(app.policy, id, now),
    fallback: id === app.policy.fallbackQueue,
    waiting: lists[id]?.length ?? 0,
    calendar: queue.holidays.country ? calendarName(queue) : null,
    calendarUntil: app.policy.calendar.teams[id]?.until ?? app.policy.calendar.until,
    closures: upcomingClosures(app.policy, id, now, CLOSURES_SHOWN),
  }));
  return { now: now.toISOString(), teams };
}
