import type { EmailThread } from '../outbound/messenger';
import type { InboundMail } from './inbound-mail';

// Long threads grow References without end; the first and the latest ids are what clients thread on.
const MAX_REFERENCES = 10;

/**
 * What an answer to this mail threads on, as RFC 5322 section 3.6.4 says a reply does: In-Reply-To the
 * mail's Message-ID, References the mail's References (or its In-Reply-To when that names one id), then its Message-ID.
 */
export function answerThreadOf(
  mail: Pick<InboundMail, 'messageId' | 'references' | 'inReplyTo'>,
): EmailThread {
  // Section 3.6.4: with no References, an In-Reply-To of a single id stands for the parent's thread.
  const parents =
    mail.references.length > 0 ? mail.references : mail.inReplyTo.length === 1 ? mail.inReplyTo : [];
  const ids = [...parents, ...(mail.messageId ? [mail.messageId] : [])];
  const unique = [...new Set(ids)];
  const references =
    unique.length <= MAX_REFERENCES ? unique : [unique[0] as string, ...unique.slice(-(MAX_REFERENCES - 1))];
  return { messageId: mail.messageId, references };
}
