import type { HolidayCalendar } from '../domain/routing/holiday-calendar';

/** Where the CDK app puts the computed holiday calendar in every bundle (an esbuild define). */
export const BAKED_CALENDAR_GLOBAL = 'CONTACT_ROUTER_HOLIDAYS';

declare global {
  // A define target must be a global the bundler can replace (a declaration, so no var is emitted).
  var CONTACT_ROUTER_HOLIDAYS: HolidayCalendar | undefined;
}

/**
 * The holiday calendar the CDK app computed at synthesis (infra/constructs/bundling.ts bakes it in with
 * esbuild's define, so no Lambda carries date-holidays). A bundle built without it fails its cold start
 * instead of treating every holiday as a working day.
 */
export function bakedHolidayCalendar(): HolidayCalendar {
  const calendar = globalThis.CONTACT_ROUTER_HOLIDAYS;
  if (!calendar)
    throw new Error(
      `no holiday calendar in this bundle: build it with handlerBundling (infra/constructs/bundling.ts), which defines globalThis.${BAKED_CALENDAR_GLOBAL}`,
    );
  return calendar;
}
