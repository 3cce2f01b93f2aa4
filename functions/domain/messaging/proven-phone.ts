import type { BookingStore } from '../ports';

/** What linking a proven phone to a messenger account did. */
export type PhoneLink = 'linked' | 'already_linked' | 'no_customer';

/**
 * Records that the messenger account `address` (e.g. `telegram:<user id>`) holds `phone`, which the
 * channel itself proved (Telegram: the account shared its own contact). The account becomes a contact
 * point of the customer that phone belongs to, so its messages find that customer exactly as an SMS
 * from the phone would, and the intake's one verification rule (intake/verify.ts) decides the rest.
 * A phone no customer has links nothing: it proves the account, not a booking.
 */
export async function linkProvenPhone(
  bookings: Pick<BookingStore, 'findCustomer' | 'putCustomer'>,
  address: string,
  phone: string,
): Promise<PhoneLink> {
  const customer = await bookings.findCustomer(phone);
  if (!customer?.phones.includes(phone)) return 'no_customer';
  const known = customer.messengerIds ?? [];
  if (known.includes(address)) return 'already_linked';
  await bookings.putCustomer({ ...customer, messengerIds: [...known, address] });
  return 'linked';
}
