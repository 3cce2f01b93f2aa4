import { fill } from '../i18n/catalogue';
import type { Language } from '../languages';
import type { OutboundEmail, Reply } from '../ports';
import { EMAIL_MESSAGES } from './email-messages';
import type { InboundMail } from './inbound-mail';
import { parseMessageIds } from './message-ids';
import { bodyMarker, replyAddress, type Sign } from './reply-token';

/** What composing an acknowledgement needs besides the stored reply. */
export interface AckContext {
  readonly mail: InboundMail;
  readonly reply: Reply;
  readonly caseNumber: string;
  readonly contactId: string;
  /** The address we answer from; the reply address is derived from it. */
  readonly ourAddress: string;
  readonly sign: Sign;
}

// Long threads grow References without end; the first and the latest ids are what clients thread on.
const MAX_REFERENCES = 10;

function subjectOf(mail: InboundMail, caseNumber: string, language: Language): string {
  const original = mail.subject.replace(/\s+/g, ' ').trim();
  const base = original.replace(/^((re|aw|sv|antw|rif|r|res|réf|回复|ответ)\s*:\s*)+/i, '').trim();
  const topic = base.length > 0 ? base.slice(0, 180) : EMAIL_MESSAGES[language].subjectFallback;
  return topic.includes(caseNumber) ? `Re: ${topic}` : `Re: ${topic} [${caseNumber}]`;
}

function referencesOf(mail: InboundMail): string[] {
  const ids = [...mail.references, ...(mail.messageId ? [mail.messageId] : [])];
  const unique = [...new Set(ids.flatMap((id) => parseMessageIds(id)))];
  return unique.length <= MAX_REFERENCES
    ? unique
    : [unique[0] as string, ...unique.slice(-(MAX_REFERENCES - 1))];
}

function megabytes(bytes: number): string {
  const mb = bytes / 1_000_000;
  return String(Number(mb.toFixed(mb < 1 ? 2 : 1)));
}

/** Our own Message-ID for an acknowledgement: derived from the contact, so a retried send reuses it. */
export function ackMessageId(contactId: string, ourAddress: string): string {
  const domain = ourAddress.slice(ourAddress.lastIndexOf('@') + 1);
  return `<ack.${contactId.replace(/[^A-Za-z0-9.-]/g, '-')}@${domain}>`;
}

/**
 * The acknowledgement email: the stored reply text in the guest's language, the case number in the
 * subject, the signed marker and reply address for threading, and RFC 3834 headers so that well-behaved
 * auto-responders do not answer it.
 */
export function composeAckEmail(ctx: AckContext, to: string): OutboundEmail {
  const { mail, reply, caseNumber } = ctx;
  const m = EMAIL_MESSAGES[reply.language];
  const parts: string[] = [];
  if (mail.oversized)
    parts.push(
      fill(m.oversized, { size: megabytes(mail.sizeBytes), limit: megabytes(mail.oversized.limitBytes) }),
    );
  parts.push(reply.text, fill(m.keepReference, { marker: bodyMarker(caseNumber, ctx.sign) }), m.automatic);
  const references = referencesOf(mail);
  return {
    to,
    subject: subjectOf(mail, caseNumber, reply.language),
    text: parts.join('\n\n'),
    inReplyTo: mail.messageId,
    references,
    headers: {
      'Message-ID': ackMessageId(ctx.contactId, ctx.ourAddress),
      'Reply-To': replyAddress(ctx.ourAddress, caseNumber, ctx.sign),
      'Auto-Submitted': 'auto-replied',
      // Exchange and Outlook honour this: no out-of-office answer to our acknowledgement.
      'X-Auto-Response-Suppress': 'All',
    },
  };
}
