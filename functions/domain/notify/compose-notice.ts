import type { Booking } from '../booking';
import { formatStayDate } from '../i18n/dates';
import type { Language } from '../languages';
import type { BookingChange } from './booking-changes';
import { NOTICE_WORDS } from './notice-texts';
import { DEFAULT_NOTIFICATIONS } from './notify-policy';

const DAY_MS = 86_400_000;

/** A booking update as the guest reads it. */
export interface NoticeWording {
  readonly subject: string;
  readonly text: string;
}

/**
 * Says what changed, in the guest's language: the booking cancelled by the property or confirmed, the
 * new dates, the refund approved, issued (and by when it should arrive: `refundArrivalDays` calendar
 * days from `at`, policy notifications.refundArrivalDays) or rejected.
 */
export function composeNotice(
  booking: Booking,
  changes: readonly BookingChange[],
  language: Language,
  at: Date,
  refundArrivalDays: number = DEFAULT_NOTIFICATIONS.refundArrivalDays,
): NoticeWording {
  const words = NOTICE_WORDS[language];
  const date = (iso: string) => formatStayDate(language, iso);
  const sentences = changes.map((change) => {
    if (change.field === 'status')
      return change.to === 'cancelled'
        ? words.cancelled(booking.propertyName, booking.reference)
        : words.confirmed(booking.propertyName, booking.reference);
    if (change.field === 'dates') return words.dates(date(change.to.checkIn), date(change.to.checkOut));
    if (change.to === 'paid') {
      const by = new Date(at.getTime() + refundArrivalDays * DAY_MS).toISOString().slice(0, 10);
      return words.refundPaid(date(by));
    }
    return change.to === 'approved' ? words.refundApproved : words.refundRejected;
  });
  return {
    subject: words.subject(booking.reference),
    text: [words.hello(booking.guestName), ...sentences, words.closing].join('\n'),
  };
}
