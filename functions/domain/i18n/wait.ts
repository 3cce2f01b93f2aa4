import type { Language } from '../languages';

const HOUR = 60;
const DAY = 24 * HOUR;

/** A wait split the way a person says it. */
export interface SpokenWait {
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
}

/**
 * Rounds a wait the way a person says "about …": exact minutes under an hour, to 5 minutes under
 * 6 hours, whole hours under 2 days, whole days beyond. Never less than a minute.
 */
export function roundWait(totalMinutes: number): SpokenWait {
  const m = Number.isFinite(totalMinutes) ? Math.max(1, Math.round(totalMinutes)) : 1;
  if (m < HOUR) return { days: 0, hours: 0, minutes: m };
  if (m < 6 * HOUR) {
    const five = Math.round(m / 5) * 5;
    return { days: 0, hours: Math.floor(five / HOUR), minutes: five % HOUR };
  }
  if (m < 2 * DAY) {
    const hours = Math.round(m / HOUR);
    // From 47 h 30 min the whole hours round to 48: that is the "2 days" said beyond.
    return hours < 48 ? { days: 0, hours, minutes: 0 } : { days: 2, hours: 0, minutes: 0 };
  }
  return { days: Math.round(m / DAY), hours: 0, minutes: 0 };
}

interface WaitFormatters {
  readonly day: Intl.NumberFormat;
  readonly hour: Intl.NumberFormat;
  readonly minute: Intl.NumberFormat;
  readonly list: Intl.ListFormat;
}

const formatters = new Map<Language, WaitFormatters>();

// CLDR's unit patterns give each language its own plural forms ("1 час", "2 часа", "8 часов") and its
// own way of joining units ("1 hour 30 minutes", "1小时30分钟"); building them once keeps replies cheap.
function formattersFor(language: Language): WaitFormatters {
  const known = formatters.get(language);
  if (known) return known;
  const unit = (u: string) =>
    new Intl.NumberFormat(language, { style: 'unit', unit: u, unitDisplay: 'long' });
  const made = {
    day: unit('day'),
    hour: unit('hour'),
    minute: unit('minute'),
    list: new Intl.ListFormat(language, { type: 'unit', style: 'narrow' }),
  };
  formatters.set(language, made);
  return made;
}

/** A wait in the guest's language, in days, hours and minutes: "8 hours", "1 hour 30 minutes", never "480 minutes". */
export function waitPhrase(language: Language, totalMinutes: number): string {
  const wait = roundWait(totalMinutes);
  const f = formattersFor(language);
  const parts: string[] = [];
  if (wait.days > 0) parts.push(f.day.format(wait.days));
  if (wait.hours > 0) parts.push(f.hour.format(wait.hours));
  if (wait.minutes > 0) parts.push(f.minute.format(wait.minutes));
  return f.list.format(parts);
}
