/** A wall-clock moment in one time zone, as routing needs it. */
export interface LocalTime {
  /** Days since 1970-01-01 of the local calendar date. */
  readonly dayNumber: number;
  /** 0 = Monday … 6 = Sunday. */
  readonly weekday: number;
  /** Minutes since local midnight, 0..1439. */
  readonly minute: number;
}

/** Short English weekday names, Monday first, matching LocalTime.weekday. */
export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// Every offset and every DST switch of the modern tz database falls on a quarter hour of UTC, so one
// offset per 15-minute bucket is exact while turning ~1 µs of Intl work into one Map lookup.
const BUCKET_MS = 15 * MINUTE_MS;
// A week of traffic uses ~700 buckets per zone; clearing past this bound keeps memory flat for any input.
const MAX_BUCKETS_PER_ZONE = 20_000;

/** Converts instants to local time in one IANA zone, caching the UTC offset per 15-minute bucket. */
export class ZoneClock {
  readonly timeZone: string;
  private readonly formatter: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
    this.formatter = partsFormatter(timeZone);
  }

  /** Local time minus UTC, in milliseconds, at the instant `ms`. */
  offsetMs(ms: number): number {
    const bucket = Math.floor(ms / BUCKET_MS);
    const cached = this.offsets.get(bucket);
    if (cached !== undefined) return cached;
    if (this.offsets.size >= MAX_BUCKETS_PER_ZONE) this.offsets.clear();
    const start = bucket * BUCKET_MS;
    const offset = wallClockMs(this.formatter, start) - start;
    this.offsets.set(bucket, offset);
    return offset;
  }

  /** Local calendar day, weekday and minute at the instant `ms`. */
  local(ms: number): LocalTime {
    const localMs = ms + this.offsetMs(ms);
    const dayNumber = Math.floor(localMs / DAY_MS);
    // 1970-01-01 was a Thursday: index 3 when Monday is 0.
    return {
      dayNumber,
      weekday: (dayNumber + 3) % 7,
      minute: Math.floor((localMs - dayNumber * DAY_MS) / MINUTE_MS),
    };
  }

  /**
   * The instant the local clock shows `minute` on `dayNumber`. In a spring-forward gap the later offset
   * applies (02:30 that does not exist reads as 03:30); in a fall-back overlap the first occurrence wins.
   */
  toInstant(dayNumber: number, minute: number): number {
    const wall = dayNumber * DAY_MS + minute * MINUTE_MS;
    // At most one switch happens within a day either side, so these are the only two candidate offsets.
    const before = this.offsetMs(wall - DAY_MS);
    const after = this.offsetMs(wall + DAY_MS);
    if (this.offsetMs(wall - before) === before) return wall - before;
    if (this.offsetMs(wall - after) === after) return wall - after;
    return wall - before;
  }
}

const clocks = new Map<string, ZoneClock | null>();
const MAX_ZONES = 1_000;

/** The shared clock of a zone, or undefined when the zone is not a valid IANA name. */
export function zoneClock(timeZone: string): ZoneClock | undefined {
  const known = clocks.get(timeZone);
  if (known !== undefined) return known ?? undefined;
  let clock: ZoneClock | null = null;
  try {
    clock = new ZoneClock(timeZone);
  } catch {
    // RangeError: not a time zone this runtime knows; remembered so garbage input stays cheap.
  }
  if (clocks.size >= MAX_ZONES) clocks.clear();
  clocks.set(timeZone, clock);
  return clock ?? undefined;
}

/** Whether the runtime's Intl knows this IANA time zone. */
export function isValidTimeZone(timeZone: string): boolean {
  return zoneClock(timeZone) !== undefined;
}

/** Local time straight from Intl, without any cache: the reference the cached path is tested against. */
export function uncachedLocalTime(timeZone: string, at: Date): LocalTime {
  const ms = at.getTime();
  const wall = wallClockMs(partsFormatter(timeZone), ms - (((ms % MINUTE_MS) + MINUTE_MS) % MINUTE_MS));
  const dayNumber = Math.floor(wall / DAY_MS);
  return {
    dayNumber,
    weekday: (dayNumber + 3) % 7,
    minute: Math.floor((wall - dayNumber * DAY_MS) / MINUTE_MS),
  };
}

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

// The wall clock at `ms`, expressed as if it were a UTC timestamp.
function wallClockMs(formatter: Intl.DateTimeFormat, ms: number): number {
  const f: Record<string, number> = {};
  for (const part of formatter.formatToParts(ms))
    if (part.type !== 'literal') f[part.type] = Number(part.value);
  const year = f.year ?? 1970;
  return Date.UTC(year, (f.month ?? 1) - 1, f.day ?? 1, f.hour ?? 0, f.minute ?? 0, f.second ?? 0);
}
