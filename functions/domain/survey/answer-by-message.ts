import type { Classification } from '../classification';
import { type Contact, noReplyReasonOf, senderNameOf, subjectOf } from '../contact';
import type { Customer } from '../customer';
import { fill } from '../i18n/catalogue';
import { deliverHandOff } from '../intake/hand-off';
import type { IntakeDeps, IntakeResult } from '../intake/intake';
import { holdsSenderAddress } from '../intake/sender';
import type { Identification } from '../intake/verify';
import { acknowledgementId, replyPlanOf } from '../outbound/reply-plan';
import type { ContactRecord } from '../ports';
import type { RoutingDecision } from '../routing/decision';
import { parseSurveyAnswer } from './parse-answer';
import { recordSatisfaction } from './record-satisfaction';
import { SURVEY_TEXTS } from './survey-texts';

/** What the intake knows of a message when it asks whether it answers a survey. */
export interface MessageFacts {
  readonly contact: Contact;
  readonly contactId: string;
  readonly classification: Classification;
  readonly decision: RoutingDecision;
  readonly who: Identification;
  readonly customer?: Customer | undefined;
  readonly now: Date;
}

/**
 * The intake's survey hook, asked before a message opens or continues a case: when the message starts
 * with a score and its sender has a survey awaiting an answer on this channel, the answer is recorded on
 * the surveyed case (recordSatisfaction) and the message stored as what carried it, with a thank-you —
 * it is not a contact of the case and queues nothing, unless a score of 1–2 reopened the case, which
 * then waits for an agent again. Anything else (no score, no survey, already answered, expired) is an
 * ordinary message: undefined. Costs no request for a message that does not start with a score.
 */
export async function takeSurveyAnswer(
  deps: IntakeDeps,
  facts: MessageFacts,
): Promise<IntakeResult | undefined> {
  const { contact, contactId, now } = facts;
  // Machine mail (an out-of-office starting with a date) never answers anything, and the awaited
  // survey is found by the sender's address, so only a sender proven to hold it (an email's From only
  // with DMARC) may answer: a forged From would otherwise score, and reopen, someone else's case.
  if (!deps.surveys || !holdsSenderAddress(contact) || noReplyReasonOf(contact) !== undefined)
    return undefined;
  const parsed = parseSurveyAnswer(contact.text);
  if (!parsed) return undefined;
  const awaited = await deps.surveys.findAwaited(contact.channel, contact.from, now);
  if (!awaited) return undefined;
  const answer = { caseNumber: awaited.caseNumber, surveyId: awaited.surveyId, ...parsed, contactId };
  const recorded = await recordSatisfaction(deps, answer, now);
  if (!recorded.ok) return undefined;
  const kase = recorded.case;
  const texts = SURVEY_TEXTS[kase.language];
  const record: ContactRecord = {
    id: contactId,
    channel: contact.channel,
    channelMessageId: contact.channelMessageId,
    from: contact.from,
    to: contact.to,
    text: contact.text,
    subject: subjectOf(contact),
    receivedAt: contact.receivedAt,
    caseNumber: kase.caseNumber,
    customerId: facts.customer?.id,
    customerName: facts.customer?.name ?? senderNameOf(contact),
    bookingRef: facts.who.bookingRef,
    verification: facts.who.verification,
    surveyAnswer: awaited.surveyId,
    classification: facts.classification,
    decision: {
      ...facts.decision,
      queue: kase.queue,
      priority: kase.priority,
      reasons: [
        `survey answer ${parsed.score}/5${recorded.reopened ? ': case reopened, one priority step up' : ''}`,
      ],
    },
    reply: {
      channel: contact.channel,
      to: contact.from,
      language: kase.language,
      text: fill(recorded.reopened ? texts.thanksLow : texts.thanks, { case: kase.caseNumber }),
      disclosedBooking: false,
      // A thank-you by mail would be one more automatic mail for a mail; a text is answered in the reply.
      messageId: contact.channel === 'email' ? undefined : acknowledgementId(contactId),
      reason: contact.channel === 'email' ? 'survey answer: no mail is sent for it' : undefined,
    },
    handoff: 'pending',
    handoffAttempts: 0,
  };
  const outcome = await deliverHandOff(deps.contactCenter, record, kase, recorded.reopened);
  const final: ContactRecord = {
    ...record,
    handoff: outcome.handoff,
    handoffAttempts: outcome.handoff === 'pending' ? 1 : 0,
    handoffError: outcome.error,
  };
  const stored = await deps.cases.putContactOnce(final);
  if (!stored.created) {
    const first = stored.existing;
    return { outcome: 'duplicate', record: first, handoff: first.handoff, plan: replyPlanOf(first) };
  }
  return { outcome: 'survey_answer', record: final, handoff: final.handoff, plan: replyPlanOf(final) };
}
