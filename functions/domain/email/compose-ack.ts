import { fill } from '../i18n/catalogue';
import type { Language } from '../languages';
import type { OutboundMessage } from '../outbound/messenger';
import { answerThreadOf } from './answer-thread';
import { EMAIL_MESSAGES } from './email-messages';
import type { InboundMail } from './inbound-mail';

function subjectOf(mail: InboundMail, caseNumber: string, language: Language): string {
  const original = mail.subject.replace(/\s+/g, ' ').trim();
  const base = original.replace(/^((re|aw|sv|antw|rif|r|res|réf|回复|ответ)\s*:\s*)+/i, '').trim();
  const topic = base.length > 0 ? base.slice(0, 180) : EMAIL_MESSAGES[language].subjectFallback;
  return topic.includes(caseNumber) ? `Re: ${topic}` : `Re: ${topic} [${caseNumber}]`;
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
 * The acknowledgement of an email as a message to deliver: the planned text in the guest's language
 * (after a size notice for an oversized message), the case number in the subject, threaded on the
 * guest's message, to `to`, and at most once per case and address.
 */
export function emailAcknowledgement(
  message: OutboundMessage,
  mail: InboundMail,
  to: string,
): OutboundMessage {
  const m = EMAIL_MESSAGES[message.language];
  const notice = mail.oversized
    ? fill(m.oversized, { size: megabytes(mail.sizeBytes), limit: megabytes(mail.oversized.limitBytes) })
    : undefined;
  return {
    ...message,
    to,
    subject: subjectOf(mail, message.caseNumber, message.language),
    text: notice ? `${notice}\n\n${message.text}` : message.text,
    emailThread: answerThreadOf(mail),
    onePer: `ack:${message.caseNumber}:${to}`,
    inline: false,
  };
}
