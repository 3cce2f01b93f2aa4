import type { Booking, BookingStatus, RefundStatus } from '../booking';

/** A stay's dates (local calendar dates at the property). */
export interface StayDates {
  readonly checkIn: string;
  readonly checkOut: string;
}

/** One change to a booking its guest is told about. */
export type BookingChange =
  | { readonly field: 'status'; readonly from: BookingStatus; readonly to: 'cancelled' | 'confirmed' }
  | { readonly field: 'dates'; readonly from: StayDates; readonly to: StayDates }
  | {
      readonly field: 'refund';
      readonly from: RefundStatus;
      readonly to: 'approved' | 'paid' | 'rejected';
    };

// Statuses and refund states a guest hears about; the rest (a stay completed, a no-show, a refund
// merely requested) are the platform's bookkeeping, and a message about them would be noise.
const TOLD_STATUSES: ReadonlySet<BookingStatus> = new Set(['cancelled', 'confirmed']);
const TOLD_REFUNDS: ReadonlySet<RefundStatus> = new Set(['approved', 'paid', 'rejected']);

/**
 * What changed between a stored booking and its new version that the guest should hear: a status now
 * cancelled or confirmed, new dates (unless the booking is now cancelled: the cancellation says it all),
 * a refund approved, paid or rejected. A new booking (no `before`) and a version that changes nothing
 * of these give no change. Only the fields' values count, never their order or the other fields.
 */
export function bookingChanges(before: Booking | undefined, after: Booking): BookingChange[] {
  if (!before || before.reference !== after.reference) return [];
  const changes: BookingChange[] = [];
  if (before.status !== after.status && TOLD_STATUSES.has(after.status))
    changes.push({ field: 'status', from: before.status, to: after.status as 'cancelled' | 'confirmed' });
  const datesMoved = before.checkIn !== after.checkIn || before.checkOut !== after.checkOut;
  if (datesMoved && after.status !== 'cancelled')
    changes.push({
      field: 'dates',
      from: { checkIn: before.checkIn, checkOut: before.checkOut },
      to: { checkIn: after.checkIn, checkOut: after.checkOut },
    });
  if (before.refundStatus !== after.refundStatus && TOLD_REFUNDS.has(after.refundStatus))
    changes.push({
      field: 'refund',
      from: before.refundStatus,
      to: after.refundStatus as 'approved' | 'paid' | 'rejected',
    });
  return changes;
}

function describeChange(change: BookingChange): string {
  if (change.field === 'dates')
    return `dates:${change.from.checkIn}/${change.from.checkOut}>${change.to.checkIn}/${change.to.checkOut}`;
  return `${change.field}:${change.from}>${change.to}`;
}

// FNV-1a (32 bits, twice with different offsets): a short, stable fingerprint in pure TypeScript. It
// only has to tell one booking's changes apart, not resist anyone.
function fnv1a(text: string, offset: number): string {
  let hash = offset;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The id of the one message about these changes to this booking: the reference and a hash of what
 * changed (from and to), so the same change seen twice (a re-import, the import and the table's stream,
 * a redelivered stream record) is one message through the outbound ledger's idempotency.
 */
export function noticeId(reference: string, changes: readonly BookingChange[]): string {
  const canonical = changes.map(describeChange).sort().join('|');
  return `notify:${reference}:${fnv1a(canonical, 0x811c9dc5)}${fnv1a(canonical, 0x050c5d1f)}`;
}
