// The holiday source tests load the shipped policy with: a fixed horizon around the dates they use.
import {
  computeHolidayCalendar,
  MAX_DATED_EXCEPTIONS,
} from '../../functions/adapters/holidays/date-holidays-calendar';
import type { HolidaySource } from '../../functions/domain/routing/holiday-calendar';

/** The dates the tests' clocks stand on (2026–2027), as a deployment in January 2026 would have them. */
export const TEST_HORIZON = { from: '2026-01-01', until: '2027-12-31' } as const;

/** Public holidays from date-holidays over TEST_HORIZON, within Connect's override quota. */
export const testHolidays: HolidaySource = (policy) =>
  computeHolidayCalendar(policy, TEST_HORIZON, MAX_DATED_EXCEPTIONS);
