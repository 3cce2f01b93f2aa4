import type { Contact } from '../contact';

/**
 * Whether the sender is proven to hold the address it writes from: a phone channel's number comes
 * from the carrier, an email's From only when DMARC vouched for it, and caller id on a call is trivially
 * spoofed, so it proves nothing.
 */
export function holdsSenderAddress(contact: Contact): boolean {
  switch (contact.channel) {
    case 'voice':
      return false;
    case 'email':
      return contact.senderProven;
    case 'sms':
    case 'whatsapp':
      return true;
    // Telegram names the account that wrote; the account proves a phone only once linked to it by a
    // contact the account shared of itself (functions/adapters/telegram), never by what it claims.
    case 'telegram':
      return true;
  }
}
