import type { Booking } from '../booking';
import type { Channel } from '../contact';
import { type Customer, normaliseEmail } from '../customer';
import type { ContactRecord } from '../ports';
import { takesTextMessages } from '../replies/phone-kind';

/** Where a booking update goes: a channel and the guest's own address on it. */
export interface NoticeAddress {
  readonly channel: Exclude<Channel, 'voice'>;
  readonly to: string;
}

/** The booking's own contact points: on the booking, or on its customer's record. */
export function ownContactPoints(
  booking: Pick<Booking, 'phone' | 'email' | 'customerId'>,
  customer: Customer | undefined,
): { phones: string[]; emails: string[] } {
  const theirs = customer?.id === booking.customerId ? customer : undefined;
  const phones = [booking.phone, ...(theirs?.phones ?? [])].filter((p): p is string => !!p);
  const emails = [booking.email, ...(theirs?.emails ?? [])]
    .filter((e): e is string => !!e)
    .map(normaliseEmail);
  return { phones: [...new Set(phones)], emails: [...new Set(emails)] };
}

function lastUsed(
  contacts: readonly ContactRecord[],
  points: { phones: string[]; emails: string[] },
  takesText: (number: string) => boolean,
): NoticeAddress | undefined {
  const latestFirst = [...contacts].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  for (const c of latestFirst) {
    if (c.channel === 'email' && points.emails.includes(normaliseEmail(c.from)))
      return { channel: 'email', to: normaliseEmail(c.from) };
    if (!points.phones.includes(c.from)) continue;
    if (c.channel === 'sms' || c.channel === 'whatsapp') return { channel: c.channel, to: c.from };
    if (c.channel === 'voice' && takesText(c.from)) return { channel: 'sms', to: c.from };
  }
  return undefined;
}

/**
 * Where to tell the guest about their booking: the channel they prefer, else the one they last wrote on
 * about it (`contacts`: those of their open case), else SMS to the booking's phone, else email. Only the
 * booking's own phones and addresses are ever used: a contact from anywhere else (someone who merely
 * wrote about the booking, verified or not) is never where its news goes. Undefined when the booking
 * has no address that can take a message.
 */
export function noticeAddress(
  booking: Booking,
  customer: Customer | undefined,
  contacts: readonly ContactRecord[],
  takesText: (number: string) => boolean = takesTextMessages,
): NoticeAddress | undefined {
  const points = ownContactPoints(booking, customer);
  const phone = points.phones[0];
  const email = points.emails[0];
  const preferred = booking.preferredChannel;
  if ((preferred === 'sms' || preferred === 'whatsapp') && phone) return { channel: preferred, to: phone };
  if (preferred === 'email' && email) return { channel: 'email', to: email };
  const used = lastUsed(contacts, points, takesText);
  if (used) return used;
  if (phone && takesText(phone)) return { channel: 'sms', to: phone };
  if (email) return { channel: 'email', to: email };
  return undefined;
}
