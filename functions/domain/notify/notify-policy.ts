/** Quiet hours, the urgent exception and the refund promise of booking updates (policy `notifications`). */
export interface NotificationsPolicy {
  /** The guest's night in local whole hours; `from` after `until` runs past midnight. */
  readonly quietHours: { readonly from: number; readonly until: number };
  /** A stay starting sooner than this many hours is told at once, even at night. */
  readonly urgentWithinHours: number;
  /** Calendar days after a refund is issued by which it should reach the guest. */
  readonly refundArrivalDays: number;
}

/**
 * The defaults (also the schema's): a night from 21:00 to 08:00, a stay within a day is urgent, and two
 * weeks for a refund — card refunds usually land within 5 to 10 business days, so two weeks is a date
 * the guest can hold us to.
 */
export const DEFAULT_NOTIFICATIONS: NotificationsPolicy = {
  quietHours: { from: 21, until: 8 },
  urgentWithinHours: 24,
  refundArrivalDays: 14,
};
