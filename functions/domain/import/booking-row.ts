import { z } from 'zod';
import { BOOKING_STATUSES, LOYALTY_TIERS, REFUND_STATUSES } from '../booking';
import { isValidBookingReference } from '../booking-reference';
import { LANGUAGES } from '../languages';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDatePair(value: unknown): value is { checkIn: string; checkOut: string } {
  return (
    isRecord(value) &&
    typeof value.checkIn === 'string' &&
    typeof value.checkOut === 'string' &&
    DATE.test(value.checkIn) &&
    DATE.test(value.checkOut)
  );
}

const isoDate = z
  .string()
  .regex(DATE, 'expected a date as YYYY-MM-DD')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'not a real calendar date',
  );

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA time zone');

/** One booking as a platform sends it for import (JSON object or one JSON line). */
export const bookingRowSchema = z
  .object({
    reference: z
      .string()
      .regex(/^\d{10}$/, 'a booking reference has exactly 10 digits')
      .refine(
        isValidBookingReference,
        'wrong check digit (the 10th digit is a Luhn check over the first nine)',
      ),
    pin: z.string().regex(/^\d{4}$/, 'the PIN has exactly 4 digits'),
    status: z.enum(BOOKING_STATUSES),
    checkIn: isoDate,
    checkOut: isoDate,
    propertyName: z.string().trim().min(1).max(200),
    city: z.string().trim().min(1).max(100).optional(),
    propertyTimeZone: timeZone,
    guestName: z.string().trim().min(1).max(200),
    phone: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'expected an E.164 number like +33612345678')
      .optional(),
    email: z.email('not an email address').max(254).optional(),
    language: z.enum(LANGUAGES),
    tier: z.enum(LOYALTY_TIERS).default('standard'),
    refundStatus: z.enum(REFUND_STATUSES).default('none'),
    customerId: z
      .string()
      .regex(/^[A-Za-z0-9_.:@+-]{1,100}$/, 'letters, digits and _.:@+- only')
      .optional(),
    preferredChannel: z.enum(['sms', 'whatsapp', 'email']).optional(),
    guestTimeZone: timeZone.optional(),
  })
  // Both rules run even when a field already failed, so a row's every problem is reported at once; they
  // look only at fields of the right shape.
  .refine((r) => !isDatePair(r) || r.checkOut > r.checkIn, {
    path: ['checkOut'],
    message: 'check-out must be after check-in',
    when: () => true,
  })
  .refine((r) => !isRecord(r) || r.phone !== undefined || r.email !== undefined, {
    path: ['phone'],
    message: 'a booking needs a phone or an email so the guest can be recognised',
    when: () => true,
  });

/** A validated import row. */
export type BookingRow = z.output<typeof bookingRowSchema>;
