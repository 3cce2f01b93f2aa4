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
  /** How many rows were bad in all. */
  readonly failed: number;
  /** The first bad rows (REPORTED_ERRORS at most), each with every problem it has. */
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
    city: row.city,
    propertyTimeZone: row.propertyTimeZone,
    guestName: row.guestName,
    phone: row.phone,
    email: row.email ? normaliseEmail(row.email) : undefined,
    language: row.language,
    tier: row.tier,
    refundStatus: row.refundStatus,
    customerId: customerIdOf(row),
    preferredChannel: row.preferredChannel,
    guestTimeZone: row.guestTimeZone,
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
    // Proven by the guest, never by an import: kept as they are.
    ...(existing?.messengerIds ? { messengerIds: existing.messengerIds } : {}),
  };
}

// Rows go in chunks: a chunk's PINs hash side by side (scrypt runs on libuv's threads) and its bookings
// are written side by side, one chunk after another, so a later row still wins over an earlier one.
const CHUNK = 25;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

// Customers are written side by side too, but two that share a phone or an address never in the same
// group: the later one in the file must end up owning it, as if written one by one.
function customerGroups(customers: readonly (readonly Booking[])[]): (readonly Booking[])[][] {
  const groups: (readonly Booking[])[][] = [];
  let group: (readonly Booking[])[] = [];
  let seen = new Set<string>();
  for (const bookings of customers) {
    const points = bookings.flatMap((b) => [b.phone, b.email]).filter((p): p is string => p !== undefined);
    if (group.length === CHUNK || points.some((p) => seen.has(p))) {
      groups.push(group);
      group = [];
      seen = new Set();
    }
    group.push(bookings);
    for (const p of points) seen.add(p);
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** What an import needs; `notify` hears of every booking it replaces (functions/domain/notify). */
export interface ImportDeps {
  readonly bookings: BookingStore;
  readonly pinHasher: PinHasher;
  readonly now: Date;
  readonly notify?: ((before: Booking | undefined, after: Booking) => Promise<unknown>) | undefined;
}

// The guest hears of a change before it is stored: a write that fails is retried by importing again,
// which finds the same change and, through the notice's id, sends nothing twice.
async function notifyThenPut(deps: ImportDeps, booking: Booking): Promise<void> {
  if (deps.notify) {
    const before = await deps.bookings.getBooking(booking.reference, deps.now);
    await deps.notify(before?.booking, booking);
  }
  await deps.bookings.putBooking(booking);
}

/** Upserts every good row's booking and customer; bad rows come back in the report, untouched. */
export async function importBookings(deps: ImportDeps, parsed: ParsedImport): Promise<ImportReport> {
  const at = deps.now.toISOString();
  const byCustomer = new Map<string, Booking[]>();
  for (const chunk of chunks(parsed.rows)) {
    const hashes = await Promise.all(chunk.map(({ row }) => deps.pinHasher.hash(row.pin)));
    const bookings = chunk.map(({ row }, i) => toBooking(row, hashes[i] as string, at));
    // Within a chunk only a reference's last row is written, so parallel writes cannot reorder it.
    const last = new Map(bookings.map((b) => [b.reference, b]));
    await Promise.all([...last.values()].map((b) => notifyThenPut(deps, b)));
    for (const b of bookings) byCustomer.set(b.customerId, [...(byCustomer.get(b.customerId) ?? []), b]);
  }
  for (const group of customerGroups([...byCustomer.values()])) {
    await Promise.all(
      group.map(async (bookings) => {
        const first = bookings[0] as Booking;
        const existing = await deps.bookings.findCustomer(first.email ?? first.phone ?? '');
        await deps.bookings.putCustomer(
          mergeCustomer(existing?.id === first.customerId ? existing : undefined, bookings),
        );
      }),
    );
  }
  return {
    imported: parsed.rows.length,
    customers: byCustomer.size,
    failed: parsed.failed,
    errors: parsed.errors,
  };
}
