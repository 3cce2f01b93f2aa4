import { findCaseNumber } from '../case';
import type { ThreadCandidate } from '../intake/resolve-case';
import type { EmailCaseStore, MessageRef } from './email-ports';
import type { InboundMail } from './inbound-mail';
import type { NoReplyReason } from './loop-guard';
import { findSignedCase, type Sign } from './reply-token';

/** The cases a message may continue, in the order they are tried, and the mail it reports on (bounces). */
export interface ThreadFinding {
  readonly candidates: ThreadCandidate[];
  /** For a bounce or complaint about our own mail: the contact whose reply bounced. */
  readonly bouncedRef?: MessageRef | undefined;
}

// The door read the ids out of In-Reply-To and References (adapters/email/message-ids.ts).
function replyIds(mail: InboundMail): string[] {
  return [...mail.inReplyTo, ...[...mail.references].reverse()];
}

/**
 * Threading in the documented order: the case number in the subject, then a signed reply address or body
 * marker (proven: only our acknowledgement carried it), then In-Reply-To/References against the ids we
 * stored (every Message-ID our mail left with), then a case number in the body. A report about mail we
 * sent (bounce, complaint) lands on that mail's case whoever sent the report.
 */
export async function findThread(
  store: EmailCaseStore,
  mail: InboundMail,
  sign: Sign,
  reason: NoReplyReason | string | undefined,
): Promise<ThreadFinding> {
  const candidates: ThreadCandidate[] = [];
  const subjectCase = findCaseNumber(mail.subject);
  if (subjectCase) candidates.push({ caseNumber: subjectCase, source: 'case number in the subject' });
  const signed = findSignedCase([...mail.recipients, ...mail.to, ...mail.cc, mail.text], sign);
  if (signed) candidates.push({ caseNumber: signed, source: 'signed reply reference', proven: true });
  let bouncedRef: MessageRef | undefined;
  if (reason === 'bounce' || reason === 'complaint-report') {
    bouncedRef = await store.findByMessageIds([...mail.embeddedMessageIds, ...replyIds(mail)]);
    if (bouncedRef)
      candidates.push({
        caseNumber: bouncedRef.caseNumber,
        source: `${reason} of our message`,
        proven: true,
        anyStatus: true,
      });
  }
  const ids = replyIds(mail);
  const replied = ids.length > 0 && !bouncedRef ? await store.findByMessageIds(ids) : undefined;
  if (replied) candidates.push({ caseNumber: replied.caseNumber, source: 'In-Reply-To/References' });
  const bodyCase = findCaseNumber(mail.text.slice(0, 20_000));
  if (bodyCase) candidates.push({ caseNumber: bodyCase, source: 'case number in the body' });
  return { candidates, bouncedRef };
}
