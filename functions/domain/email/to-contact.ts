import { findCaseNumber } from '../case';
import type { EmailContact } from '../contact';
import { answerThreadOf } from './answer-thread';
import type { InboundMail } from './inbound-mail';
import { stripQuoted } from './strip-quoted';

// A DynamoDB item holds 400 KB; the whole message stays in the raw store, the contact keeps what agents read.
const MAX_TEXT_CHARS = 20_000;
const MAX_SUBJECT_CHARS = 500;
const MAX_ATTACHMENTS = 50;

function truncate(text: string, max: number, rawRef: string): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}\n[… ${text.length - max} more characters in ${rawRef}]`;
}

/** References to the raw message and each attachment in it (never their content). */
export function attachmentRefs(mail: InboundMail): string[] {
  const refs = [mail.rawRef];
  mail.attachments.slice(0, MAX_ATTACHMENTS).forEach((a, i) => {
    const name = (a.filename ?? '').replace(/[;\r\n]/g, '_').slice(0, 200);
    refs.push(`${mail.rawRef}#attachment=${i + 1};type=${a.contentType};size=${a.size};name=${name}`);
  });
  return refs;
}

/** The text the pipeline classifies: the new part of the message, or a note when only headers were read. */
export function contactText(mail: InboundMail): string {
  if (mail.oversized) {
    return `[message of ${mail.sizeBytes} bytes, over the ${mail.oversized.limitBytes}-byte limit: only its headers were read; kept at ${mail.rawRef}]`;
  }
  return truncate(stripQuoted(mail.text), MAX_TEXT_CHARS, mail.rawRef);
}

/** The Contact an inbound email becomes; `senderProven` when authentication vouches for its From. */
export function toContact(
  mail: InboundMail,
  noReplyReason: string | undefined,
  senderProven = false,
): EmailContact {
  const subject = mail.subject.slice(0, MAX_SUBJECT_CHARS);
  return {
    channel: 'email',
    channelMessageId: mail.id,
    from: mail.from ?? '',
    to: mail.recipients[0] ?? mail.to[0] ?? '',
    text: contactText(mail),
    subject: subject.length > 0 ? subject : undefined,
    threadHints: { caseNumber: findCaseNumber(subject) },
    emailThread: answerThreadOf(mail),
    attachments: attachmentRefs(mail),
    noReplyReason,
    senderProven,
    receivedAt: mail.receivedAt,
  };
}
