import type { Language } from './languages';

/** Where a booking stands. */
export const BOOKING_STATUSES = ['confirmed', 'pending', 'cancelled', 'completed', 'no_show'] as const;
/** Where a booking stands. */
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Loyalty tiers, lowest first. */
export const LOYALTY_TIERS = ['standard', 'silver', 'gold', 'platinum'] as const;
/** A loyalty tier. */
export type LoyaltyTier = (typeof LOYALTY_TIERS)[number];

/** Where a refund stands, if one was asked for. */
export const REFUND_STATUSES = ['none', 'requested', 'approved', 'paid', 'rejected'] as const;
/** Where a refund stands. */
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** A stay booked on the platform. Dates are local calendar dates at the property (YYYY-MM-DD). */
export interface Booking {
  /** 10 digits, the last a Luhn check digit over the first nine. */
  readonly reference: string;
  /** Salted hash of the 4-digit PIN; the PIN itself is never stored. */
  readonly pinHash: string;
  readonly status: BookingStatus;
  readonly checkIn: string;
  readonly checkOut: string;
  readonly propertyName: string;
  /** The property's city, as the platform names it (incidents match on it). */
  readonly city?: string | undefined;
  /** IANA time zone of the property, e.g. "Europe/Paris". */
  readonly propertyTimeZone: string;
  readonly guestName: string;
  /** E.164, e.g. "+33612345678". */
  readonly phone?: string | undefined;
  /** Lower-cased address. */
  readonly email?: string | undefined;
  readonly language: Language;
  readonly tier: LoyaltyTier;
  readonly refundStatus: RefundStatus;
  /** Id of the customer who made the booking. */
  readonly customerId: string;
  /** Where the guest asked to hear from us about the booking (booking updates); else their last-used channel. */
  readonly preferredChannel?: 'sms' | 'whatsapp' | 'email' | undefined;
  /** IANA time zone the guest lives in (quiet hours of booking updates); the property's when not given. */
  readonly guestTimeZone?: string | undefined;
  readonly updatedAt: string;
}

/** Whether a loyalty tier is at least another. */
export function tierRank(tier: LoyaltyTier): number {
  return LOYALTY_TIERS.indexOf(tier);
}
