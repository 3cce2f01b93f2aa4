import type { Booking } from '../booking';
import { tierRank } from '../booking';
import { type Customer, normaliseEmail } from '../customer';
import type { BookingStore, PinHasher } from '../ports';
import type { BookingRow } from './booking-row';
import type { ImportError, ParsedImport } from './parse-import';

/** What an import did. */
export interface ImportReport {
  readonly imported: number;
  readonly customers: number;
  readonly errors: readonly ImportError[];
}

/** The customer a row belongs to: its own id, else its email, else its phone. */
export function customerIdOf(row: Pick<BookingRow, 'customerId' | 'email' | 'phone'>): string {
  if (row.customerId) return row.customerId;
  if (row.email) return `email:${normaliseEmail(row.email)}`;
  return `phone:${row.phone}`;
}

function toBooking(row: BookingRow, pinHash: string, now: string): Booking {
  return {
    reference: row.reference,
    pinHash,
    status: row.status,
    checkIn: row.checkIn,
    checkOut: row.checkOut,
    propertyName: row.propertyName,
    propertyTimeZone: row.propertyTimeZone,
    guestName: row.guestName,
    phone: row.phone,
    email: row.email ? normaliseEmail(row.email) : undefined,
    language: row.language,
    tier: row.tier,
    refundStatus: row.refundStatus,
    customerId: customerIdOf(row),
    updatedAt: now,
  };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

// Rows of one customer fold into one record; the existing record keeps what the import does not mention.
function mergeCustomer(existing: Customer | undefined, bookings: readonly Booking[]): Customer {
  const last = bookings[bookings.length - 1] as Booking;
  const best = bookings.reduce((t, b) => (tierRank(b.tier) > tierRank(t) ? b.tier : t), last.tier);
  return {
    id: last.customerId,
    name: last.guestName,
    language: last.language,
    tier: best,
    phones: union(
      existing?.phones ?? [],
      bookings.flatMap((b) => (b.phone ? [b.phone] : [])),
    ),
    emails: union(
      existing?.emails ?? [],
      bookings.flatMap((b) => (b.email ? [b.email] : [])),
    ),
    bookingRefs: union(
      existing?.bookingRefs ?? [],
      bookings.map((b) => b.reference),
    ),
  };
}

/** Upserts every good row's booking and customer; bad rows come back in the report, untouched. */
export async function importBookings(
  deps: { bookings: BookingStore; pinHasher: PinHasher; now: Date },
  parsed: ParsedImport,
): Promise<ImportReport> {
  const at = deps.now.toISOString();
  const byCustomer = new Map<string, Booking[]>();
  for (const { row } of parsed.rows) {
    const booking = toBooking(row, await deps.pinHasher.hash(row.pin), at);
    await deps.bookings.putBooking(booking);
    byCustomer.set(booking.customerId, [...(byCustomer.get(booking.customerId) ?? []), booking]);
  }
  for (const bookings of byCustomer.values()) {
    const first = bookings[0] as Booking;
    const existing = await deps.bookings.findCustomer(first.email ?? first.phone ?? '');
    await deps.bookings.putCustomer(
      mergeCustomer(existing?.id === first.customerId ? existing : undefined, bookings),
    );
  }
  return { imported: parsed.rows.length, customers: byCustomer.size, errors: parsed.errors };
}
