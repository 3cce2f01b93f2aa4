import type { Language } from '../languages';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const formatters = new Map<Language, Intl.DateTimeFormat>();

function formatterFor(language: Language): Intl.DateTimeFormat {
  const known = formatters.get(language);
  if (known) return known;
  // A stay date is a calendar date, not an instant: formatting it at UTC midnight in UTC keeps the day.
  const made = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  formatters.set(language, made);
  return made;
}

/**
 * A calendar date ("2026-11-23") as the guest's language writes it ("23 novembre 2026",
 * "November 23, 2026", "2026年11月23日"); text-to-speech reads these forms as dates. Anything that
 * is not a date is returned unchanged rather than lost.
 */
export function formatStayDate(language: Language, isoDate: string): string {
  if (!ISO_DATE.test(isoDate)) return isoDate;
  const at = Date.parse(`${isoDate}T00:00:00Z`);
  return Number.isNaN(at) ? isoDate : formatterFor(language).format(at);
}
