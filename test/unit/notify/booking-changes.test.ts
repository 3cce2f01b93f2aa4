import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOOKING_STATUSES, type Booking, REFUND_STATUSES } from '../../../functions/domain/booking';
import { bookingChanges, noticeId } from '../../../functions/domain/notify/booking-changes';
import { aBooking } from '../../integration/builders';

const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000));
const iso = (d: Date) => d.toISOString().slice(0, 10);
const anyBooking = fc
  .record({
    status: fc.constantFrom(...BOOKING_STATUSES),
    refundStatus: fc.constantFrom(...REFUND_STATUSES),
    checkIn: day,
    nights: fc.integer({ min: 1, max: 30 }),
    guestName: fc.string({ minLength: 1, maxLength: 20 }),
    updatedAt: fc.date({ noInvalidDate: true, min: new Date('2020-01-01'), max: new Date('2030-01-01') }),
  })
  .map(
    (r): Booking =>
      aBooking({
        status: r.status,
        refundStatus: r.refundStatus,
        checkIn: iso(r.checkIn),
        checkOut: iso(new Date(r.checkIn.getTime() + r.nights * 86_400_000)),
        guestName: r.guestName,
        updatedAt: r.updatedAt.toISOString(),
      }),
  );

// The same booking with its fields in another order (a DynamoDB image, a JSON row: order is arbitrary).
function shuffled(booking: Booking, seed: number): Booking {
  const entries = Object.entries(booking);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = (seed * (i + 7)) % (i + 1);
    [entries[i], entries[j]] = [entries[j] as [string, unknown], entries[i] as [string, unknown]];
  }
  return Object.fromEntries(entries) as unknown as Booking;
}

describe('bookingChanges', () => {
  it('finds nothing when a booking is stored again unchanged, whatever its updatedAt', () => {
    fc.assert(
      fc.property(anyBooking, fc.date({ noInvalidDate: true }), (booking, later) => {
        expect(bookingChanges(booking, { ...booking, updatedAt: later.toISOString() })).toEqual([]);
      }),
    );
  });

  it('finds nothing when only the order of the fields differs', () => {
    fc.assert(
      fc.property(anyBooking, fc.nat(), (booking, seed) => {
        expect(bookingChanges(booking, shuffled(booking, seed))).toEqual([]);
        expect(bookingChanges(shuffled(booking, seed + 1), booking)).toEqual([]);
      }),
    );
  });

  it('gives the same notice id for the same change, whatever the field order', () => {
    fc.assert(
      fc.property(anyBooking, anyBooking, fc.nat(), (before, after, seed) => {
        const changes = bookingChanges(before, after);
        const again = bookingChanges(shuffled(before, seed), shuffled(after, seed + 3));
        expect(again).toEqual(changes);
        expect(noticeId(after.reference, again)).toBe(noticeId(after.reference, changes));
      }),
    );
  });

  it('finds nothing for a new booking', () => {
    expect(bookingChanges(undefined, aBooking({ status: 'cancelled' }))).toEqual([]);
  });

  it('names a cancellation, new dates and a refund paid', () => {
    // Prepare
    const before = aBooking({ status: 'confirmed', refundStatus: 'requested' });
    // Act
    const cancelled = bookingChanges(before, { ...before, status: 'cancelled', checkIn: '2025-07-02' });
    const moved = bookingChanges(before, { ...before, checkIn: '2025-07-02', checkOut: '2025-07-05' });
    const paid = bookingChanges(before, { ...before, refundStatus: 'paid' });
    // Assess: a cancellation says it all, the dates of a cancelled stay are not news
    expect(cancelled).toEqual([{ field: 'status', from: 'confirmed', to: 'cancelled' }]);
    expect(moved).toEqual([
      {
        field: 'dates',
        from: { checkIn: '2025-07-01', checkOut: '2025-07-04' },
        to: { checkIn: '2025-07-02', checkOut: '2025-07-05' },
      },
    ]);
    expect(paid).toEqual([{ field: 'refund', from: 'requested', to: 'paid' }]);
  });

  it('keeps the bookkeeping to itself: a stay completed, a refund merely requested', () => {
    const before = aBooking();
    expect(bookingChanges(before, { ...before, status: 'completed' })).toEqual([]);
    expect(bookingChanges(before, { ...before, refundStatus: 'requested' })).toEqual([]);
  });

  it('gives each different change its own notice id', () => {
    const before = aBooking({ refundStatus: 'requested' });
    const ids = new Set(
      [
        { ...before, refundStatus: 'approved' as const },
        { ...before, refundStatus: 'paid' as const },
        { ...before, status: 'cancelled' as const },
        { ...before, checkIn: '2025-07-02' },
      ].map((after) => noticeId(before.reference, bookingChanges(before, after))),
    );
    expect(ids.size).toBe(4);
    expect(noticeId('1234567897', [])).not.toBe(noticeId('0000000000', []));
  });
});
