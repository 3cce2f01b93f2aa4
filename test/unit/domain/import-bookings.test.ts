import { describe, expect, it } from 'vitest';
import type { Booking } from '../../../functions/domain/booking';
import { makeBookingReference } from '../../../functions/domain/booking-reference';
import type { Customer } from '../../../functions/domain/customer';
import { importBookings } from '../../../functions/domain/import/import-bookings';
import { parseImport } from '../../../functions/domain/import/parse-import';
import type { BookingStore, PinHasher } from '../../../functions/domain/ports';

// A store whose writes land in any order once several are in flight, as a remote table's do: of writes
// started together, the earlier waits longer, so an import that lets two writes of the same thing overlap
// sees the earlier one land last. Writes started one after another still land in order.
function reorderingStore() {
  const bookings = new Map<string, Booking>();
  const owners = new Map<string, string>();
  let started = 0;
  const land = async (apply: () => void) => {
    const delay = 2 * (30 - (started++ % 30));
    await new Promise((resolve) => setTimeout(resolve, delay));
    apply();
  };
  const store: Pick<BookingStore, 'putBooking' | 'putCustomer' | 'findCustomer'> = {
    putBooking: (b) => land(() => bookings.set(b.reference, b)),
    putCustomer: (c: Customer) =>
      land(() => {
        for (const point of [...c.phones, ...c.emails]) owners.set(point, c.id);
      }),
    findCustomer: async () => undefined,
  };
  return { store: store as BookingStore, bookings, owners };
}

const hasher: PinHasher = { hash: async (pin) => `hashed:${pin}`, verify: async () => false };
let serial = 600000000;

function row(extra: Record<string, string> = {}) {
  serial++;
  return {
    reference: makeBookingReference(String(serial)),
    pin: '1357',
    status: 'confirmed',
    checkIn: '2026-12-01',
    checkOut: '2026-12-03',
    propertyName: 'Hotel Aurora Lisboa',
    propertyTimeZone: 'Europe/Lisbon',
    guestName: 'Guest',
    phone: `+3519100${String(serial % 100000).padStart(5, '0')}`,
    language: 'pt',
    ...extra,
  };
}

async function run(store: BookingStore, rows: readonly Record<string, string>[]) {
  const text = rows.map((r) => JSON.stringify(r)).join('\n');
  return importBookings({ bookings: store, pinHasher: hasher, now: new Date() }, await parseImport(text));
}

describe('importBookings: many rows written side by side, still in file order', () => {
  it('keeps the last row of a booking named twice, whether the rows are far apart or close', async () => {
    // Prepare: 60 rows; one booking at rows 3 and 40, another at rows 50 and 52
    const { store, bookings } = reorderingStore();
    const rows = Array.from({ length: 60 }, () => row());
    const far = rows[3]?.reference as string;
    const near = rows[50]?.reference as string;
    rows[40] = { ...row(), reference: far, status: 'cancelled' };
    rows[52] = { ...row(), reference: near, status: 'completed' };
    // Act
    const report = await run(store, rows);
    // Assess
    expect(report).toMatchObject({ imported: 60, errors: [] });
    expect(bookings.size).toBe(58);
    expect(bookings.get(far)?.status).toBe('cancelled');
    expect(bookings.get(near)?.status).toBe('completed');
  });

  it('gives a phone two guests share to the one later in the file, in either order', async () => {
    for (const [earlier, later] of [
      ['ana@example.pt', 'rui@example.pt'],
      ['rui@example.pt', 'ana@example.pt'],
    ]) {
      // Prepare: the same household phone on two guests' bookings, amid others
      const { store, owners } = reorderingStore();
      const phone = '+351930000001';
      const rows = [
        row(),
        row({ email: earlier as string, phone }),
        row(),
        row({ email: later as string, phone }),
      ];
      // Act
      await run(store, rows);
      // Assess
      expect(owners.get(phone)).toBe(`email:${later}`);
    }
  });
});
