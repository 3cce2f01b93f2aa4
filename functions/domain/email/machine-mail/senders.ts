import { headerValue, type InboundMail } from '../inbound-mail';
import { localPart } from './addresses';

// Delivery agents sign their reports with these names (RFC 5321 §4.5.1 postmaster; sendmail's and
// Postfix's MAILER-DAEMON), spelt with or without a separator as real servers do.
const DAEMON_LOCAL = /^(mailer[-_.]?daemon|mail[-_.]?daemon|mdaemon|post[-_.]?master)$/i;
// "noreply@", "no-reply@", "do-not-reply@", "donotreply@", and the same word as one part of a longer
// name: "booking-noreply@", "noreply-dmarc-support@" (Google's DMARC reports), "info.no_reply@".
const NO_REPLY_LOCAL =
  /(^|[-_.+])(no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply|no[-_.]?response)([-_.+]|$)|^bounces?([-_.+]|$)/i;
// Senders list software puts in Sender or the envelope (RFC 5230 §4.6 names owner-*, *-request,
// LISTSERV and majordomo; Mailman uses *-bounces and *-owner).
const LIST_SENDER_LOCAL = /^(owner-.+|.+-owner|.+-request|.+-bounces(\+.*)?|listserv|majordomo|mailman)$/i;

/** Whether an address is a mail system's own (MAILER-DAEMON, postmaster and their spellings). */
export function isDaemon(address: string): boolean {
  return DAEMON_LOCAL.test(localPart(address));
}

/**
 * Whether the mail system wrote the mail: its From address, or, when From holds no address at all (the
 * bare "From: MAILER-DAEMON" some MTAs write), the name standing in its place.
 */
export function isFromDaemon(mail: Pick<InboundMail, 'from' | 'headers'>): boolean {
  if (mail.from) return isDaemon(mail.from);
  const bare =
    headerValue(mail, 'from')
      ?.replace(/\([^)]*\)|["<>]/g, '')
      .trim() ?? '';
  return isDaemon(bare);
}

/** Whether an address says it takes no replies (noreply, no-reply, do-not-reply, *-noreply…). */
export function isNoReply(address: string): boolean {
  return NO_REPLY_LOCAL.test(localPart(address));
}

/**
 * Whether list software relayed the mail: a Sender (or envelope sender) that is a list's owner,
 * request or bounce address, differing from the author in From. A person's own Sender (Outlook's
 * "on behalf of", Thunderbird's copy of From) is never such an address.
 */
export function isListSender(mail: Pick<InboundMail, 'from' | 'sender' | 'returnPath'>): boolean {
  return [mail.sender, mail.returnPath].some(
    (address) =>
      address !== undefined &&
      address !== '' &&
      address.toLowerCase() !== mail.from?.toLowerCase() &&
      LIST_SENDER_LOCAL.test(localPart(address)),
  );
}
