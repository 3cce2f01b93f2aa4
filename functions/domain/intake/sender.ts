import type { Contact } from '../contact';

/**
 * Whether the sender is proven to hold the address it writes from: a phone channel's number comes
 * from the carrier, an email's From only when DMARC vouched for it, and caller id on a call is trivially
 * spoofed, so it proves nothing.
 */
export function holdsSenderAddress(contact: Pick<Contact, 'channel' | 'senderProven'>): boolean {
  if (contact.channel === 'voice') return false;
  if (contact.channel === 'email') return contact.senderProven === true;
  return true;
}
