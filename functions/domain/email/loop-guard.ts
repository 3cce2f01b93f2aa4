import type { InboundMail } from './inbound-mail';
import { domainOf } from './machine-mail/addresses';
import { hasAutoReplyHeaders } from './machine-mail/auto-reply-headers';
import { isAutoReplySubject } from './machine-mail/auto-reply-subjects';
import { isListMail } from './machine-mail/lists';
import { isChallenge, isNonArfComplaint, reportKindOf } from './machine-mail/reports';
import { isDaemon, isFromDaemon, isNoReply } from './machine-mail/senders';

/** Why an email must not be answered; the mail is still recorded. */
export type NoReplyReason =
  | 'complaint-report'
  | 'bounce'
  | 'read-receipt'
  | 'auto-reply'
  | 'challenge-response'
  | 'list'
  | 'own-address'
  | 'no-reply-sender'
  | 'no-sender';

/** Addresses and domains that are ours: mail from them is never answered (two routers must not ping-pong). */
export interface OwnAddresses {
  readonly addresses: readonly string[];
  readonly domains?: readonly string[] | undefined;
}

function isOwn(address: string, own: OwnAddresses): boolean {
  const lower = address.toLowerCase();
  if (own.addresses.some((a) => a.toLowerCase() === lower)) return true;
  // Our reply addresses carry a +token: "support+cr-…@x" is still "support@x".
  const plain = lower.replace(/\+[^@]*@/, '@');
  if (own.addresses.some((a) => a.toLowerCase() === plain)) return true;
  return (own.domains ?? []).some((d) => domainOf(lower) === d.toLowerCase());
}

/**
 * Why this mail must get no acknowledgement, or undefined when a person wrote it and may be answered
 * (RFC 3834 §2, RFC 5230 §4.6; docs/email.md lists every signal). Order matters: a report's content type
 * is the surest sign, then the mail system's own senders, the auto-responder headers, the null envelope
 * sender (a bounce that looks like plain text), complaints and challenges, lists, and last the weakest
 * signal, an auto-reply subject. Only the top level counts: a guest forwarding any of these is a person.
 */
export function noReplyReasonOf(mail: InboundMail, own: OwnAddresses): NoReplyReason | undefined {
  const report = reportKindOf(mail);
  if (report) return report;
  if (isFromDaemon(mail)) return 'bounce';
  if (hasAutoReplyHeaders(mail)) return 'auto-reply';
  if (mail.returnPath === '') return 'bounce';
  if (isNonArfComplaint(mail)) return 'complaint-report';
  if (isChallenge(mail)) return 'challenge-response';
  if (isListMail(mail)) return 'list';
  if (isAutoReplySubject(mail.subject)) return 'auto-reply';
  const from = mail.from;
  if (!from) return 'no-sender';
  if (isOwn(from, own)) return 'own-address';
  if (isNoReply(from)) return 'no-reply-sender';
  return undefined;
}

/** Whether an address must never receive an acknowledgement (ours, no-reply, daemons). */
export function isUnanswerable(address: string, own: OwnAddresses): boolean {
  return !address.includes('@') || isOwn(address, own) || isNoReply(address) || isDaemon(address);
}
