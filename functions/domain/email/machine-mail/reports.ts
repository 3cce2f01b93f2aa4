import { headerValue, type InboundMail } from '../inbound-mail';
import { localPart } from './addresses';

/** What kind of report a machine sent. */
export type ReportKind = 'complaint-report' | 'read-receipt' | 'bounce';

// RFC 6522 multipart/report: feedback-report is ARF (RFC 5965), disposition-notification an MDN read
// receipt (RFC 8098), delivery-status (RFC 3464) and anything else a delivery report.
function kindOfReportType(reportType: string | undefined): ReportKind {
  if (reportType === 'feedback-report') return 'complaint-report';
  if (reportType === 'disposition-notification') return 'read-receipt';
  return 'bounce';
}

// A report part at the top level of a message whose own type is wrong (multipart/mixed from old MTAs).
// A person's forwarded bounce nests these inside its message/rfc822 attachment, never beside it.
const PART_KINDS: Record<string, ReportKind> = {
  'message/feedback-report': 'complaint-report',
  'message/disposition-notification': 'read-receipt',
  'message/global-disposition-notification': 'read-receipt',
  'message/delivery-status': 'bounce',
  'message/global-delivery-status': 'bounce',
};

/** The report a mail is by its content type or its report parts, or undefined for any other mail. */
export function reportKindOf(mail: InboundMail): ReportKind | undefined {
  if (mail.contentType === 'multipart/report') return kindOfReportType(mail.reportType?.toLowerCase());
  for (const part of mail.attachments) {
    const kind = PART_KINDS[part.contentType];
    if (kind) return kind;
  }
  return undefined;
}

const ORIGINAL_TYPES = new Set(['message/rfc822', 'text/rfc822-headers', 'message/global']);
// Microsoft's JMRP, which never adopted ARF, writes "complaint about message from <sending IP>" and sends
// it from staff@hotmail.com: that subject with its address is no sentence a person writes.
const JMRP_SUBJECT = /^\s*complaint about message from \d{1,3}(\.\d{1,3}){3}\b/i;
// Other pre-ARF loops (AOL's old SComp "Client TOS Notification", abuse desks' "Abuse Report") count only
// with the complained-about original attached, from a reporter's address or under a reporter's subject.
const COMPLAINT_SUBJECT =
  /^\s*(client tos notification|(e-?mail )?abuse report|spam (complaint|report)|email feedback report)\b/i;
const REPORTER_LOCAL = /^(abuse|scomp|fbl|feedback-?loop|complaints?|spam-?report)$/i;

/** Whether the mail is a spam complaint that is not ARF (JMRP, SComp, abuse desks). */
export function isNonArfComplaint(mail: InboundMail): boolean {
  if (JMRP_SUBJECT.test(mail.subject)) return true;
  const original =
    mail.embeddedMessageIds.length > 0 || mail.attachments.some((a) => ORIGINAL_TYPES.has(a.contentType));
  if (!original) return false;
  const reporter = mail.from !== undefined && REPORTER_LOCAL.test(localPart(mail.from));
  return reporter || COMPLAINT_SUBJECT.test(mail.subject);
}

// Challenge/response filters hold a mail until its sender proves to be a person: TMDA stamps every mail it
// sends with X-Delivery-Agent, and the challenges share their wording ("Please confirm your message",
// "Sender verification", "[Verification required]"), at the start of the subject or as a tag.
const CHALLENGE_SUBJECT =
  /^\s*(?:re:\s*)?(?:please confirm your (?:e-?mail|message)\b|sender verification\b|verify your (?:e-?mail|message) to\b)|\[(?:sender verification|verification required)[\]\s-]/i;

/** Whether the mail is a challenge/response filter asking us to prove we are a person. */
export function isChallenge(mail: InboundMail): boolean {
  if (/^\s*tmda\b/i.test(headerValue(mail, 'x-delivery-agent') ?? '')) return true;
  return CHALLENGE_SUBJECT.test(mail.subject);
}
