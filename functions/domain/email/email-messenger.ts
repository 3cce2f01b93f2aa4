import { fill } from '../i18n/catalogue';
import type { Messenger, OutboundMessage, SentMessage } from '../outbound/messenger';
import type { Mailer, OutboundEmail } from '../ports';
import { ackMessageId } from './compose-ack';
import { EMAIL_MESSAGES } from './email-messages';
import type { MessageRef } from './email-ports';
import { bodyMarker, replyAddress, type Sign } from './reply-token';

/** What the email Messenger needs: the Mailer, our address, the reply-token key and the thread memory. */
export interface EmailMessengerDeps {
  readonly mailer: Mailer;
  /** The address we write from; the case's reply address is derived from it. */
  readonly ourAddress: string;
  readonly sign: Sign;
  /** Remembers our message's Message-IDs, so the guest's answer to it threads to its case. */
  remember(ids: readonly string[], ref: MessageRef): Promise<void>;
}

// Derived from the message id, so a retried send reuses it; an acknowledgement keeps its old form.
function messageIdOf(message: OutboundMessage, ourAddress: string): string {
  const contactId = message.inReplyTo?.[0];
  if (message.kind === 'acknowledgement' && contactId) return ackMessageId(contactId, ourAddress);
  const domain = ourAddress.slice(ourAddress.lastIndexOf('@') + 1);
  return `<out.${message.id.replace(/[^A-Za-z0-9.-]/g, '-')}@${domain}>`;
}

/**
 * The email a message becomes: its text, the case's signed marker and reply address (so the guest's
 * answer finds the case), threaded on the guest's message. RFC 3834 section 5 marks automatic mail
 * only: "auto-replied" for an answer to the guest's message, "auto-generated" for anything else a
 * machine wrote, so auto-responders leave it alone; an agent's reply is a person's mail and is not marked.
 */
export function composeEmail(message: OutboundMessage, ourAddress: string, sign: Sign): OutboundEmail {
  const m = EMAIL_MESSAGES[message.language];
  const marker = fill(m.keepReference, { marker: bodyMarker(message.caseNumber, sign) });
  const parts = [message.text, marker, ...(message.automatic ? [m.automatic] : [])];
  const automatic: Record<string, string> = message.automatic
    ? {
        'Auto-Submitted': message.kind === 'acknowledgement' ? 'auto-replied' : 'auto-generated',
        // Exchange and Outlook honour this: no out-of-office answer to our automatic mail.
        'X-Auto-Response-Suppress': 'All',
      }
    : {};
  return {
    to: message.to,
    subject: message.subject ?? `${m.subjectFallback} [${message.caseNumber}]`,
    text: parts.join('\n\n'),
    inReplyTo: message.emailThread?.messageId,
    references: message.emailThread?.references,
    headers: {
      'Message-ID': messageIdOf(message, ourAddress),
      'Reply-To': replyAddress(ourAddress, message.caseNumber, sign),
      ...automatic,
    },
  };
}

/** Messenger for email through the Mailer port (SES in AWS, .eml files locally). */
export class EmailMessenger implements Messenger {
  constructor(private readonly deps: EmailMessengerDeps) {}

  async send(message: OutboundMessage): Promise<SentMessage> {
    const email = composeEmail(message, this.deps.ourAddress, this.deps.sign);
    const { messageId, sentMessageId } = await this.deps.mailer.send(email);
    // Ours, and the one the mail service put in its place: a guest's answer may quote either.
    const ids = [email.headers?.['Message-ID'], sentMessageId].filter((id): id is string => !!id);
    const ref = { caseNumber: message.caseNumber, contactId: message.inReplyTo?.[0] ?? message.id };
    // The mail is out: failing here must not make it look unsent (a retry would send it twice). The
    // guest's answer still finds the case through the signed reply address and body marker.
    await this.deps.remember(ids, ref).catch(() => undefined);
    return { providerMessageId: messageId, status: 'sent' };
  }
}
