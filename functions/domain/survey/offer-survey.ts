import type { Case, SurveySent } from '../case';
import { lifecycleStatus } from '../cases/follow-up';
import type { Deliver, DeliveryOutcome } from '../outbound/deliver';
import type { OutboundMessage } from '../outbound/messenger';
import type { CaseStore } from '../ports';
import { applyOncePerMessage } from '../replies/apply-once';
import { guestAddress } from '../replies/guest-address';
import type { RoutingPolicy } from '../routing/policy-schema';
import type { CaseLifecycleStore } from '../store-ports';
import { composeSurvey, type SurveyLinks } from './compose-survey';
import { SURVEY_ANSWER_DAYS } from './record-satisfaction';
import type { SurveyStore } from './survey-ports';
import { surveyId, surveyRefOf } from './survey-token';

const DAY_MS = 86_400_000;

/** What sending a survey needs. */
export interface SurveyDeps {
  readonly cases: CaseLifecycleStore & Pick<CaseStore, 'listContactsOfCase'>;
  readonly surveys: SurveyStore;
  readonly deliver: Deliver;
  readonly policy: RoutingPolicy;
  /** Mail surveys carry one-click links when set; otherwise they ask for a reply with a digit. */
  readonly links?: SurveyLinks | undefined;
  readonly takesText?: ((number: string) => boolean) | undefined;
}

/** The survey that went (or goes) out, or why none did. */
export type SurveyOutcome =
  | { readonly sent: true; readonly message: OutboundMessage; readonly delivery: DeliveryOutcome }
  | { readonly sent: false; readonly reason: string };

/**
 * Asks the guest of a just-resolved case one question about it, on the channel of their latest contact
 * in the case's language (a caller by SMS when their number takes text; otherwise no survey), at most
 * once per resolution and not within the policy's survey cool-down of their previous survey. The
 * survey is on the case (`survey`) and awaited from that address before it is handed to deliver, which
 * enforces opt-out; calling this again for the same resolution sends nothing new.
 */
export async function offerSurvey(deps: SurveyDeps, kase: Case, at: Date): Promise<SurveyOutcome> {
  if (lifecycleStatus(kase.status) !== 'resolved' || !kase.resolvedAt)
    return { sent: false, reason: 'the case is not resolved' };
  const ref = surveyRefOf(kase.caseNumber, kase.resolvedAt);
  const id = surveyId(ref);
  const address = guestAddress(
    await deps.cases.listContactsOfCase(kase.caseNumber),
    undefined,
    deps.takesText,
  );
  if (address.kind === 'callback')
    return { sent: false, reason: 'the guest called from a number that takes no text messages' };
  if (address.kind === 'refused') return { sent: false, reason: address.message };
  const coolDownSince = new Date(at.getTime() - deps.policy.cases.surveyCooldownDays * DAY_MS);
  if (!(await deps.surveys.claimSurvey(kase.ownerKey, id, at, coolDownSince)))
    return {
      sent: false,
      reason: `the guest was surveyed less than ${deps.policy.cases.surveyCooldownDays} days ago`,
    };
  const sent: SurveySent = { id, sentAt: at.toISOString(), channel: address.channel, to: address.to };
  const recorded = await applyOncePerMessage(deps, kase.caseNumber, id, (current) => {
    const status = lifecycleStatus(current.status);
    if (status !== 'resolved' || current.resolvedAt !== kase.resolvedAt)
      return { ok: false, reason: 'not_allowed', action: 'resolve', status };
    const event = {
      type: 'survey_sent',
      at: sent.sentAt,
      by: 'system',
      status,
      channel: sent.channel,
      messageId: id,
    } as const;
    return { ok: true, case: { ...current, survey: sent, updatedAt: sent.sentAt }, events: [event] };
  });
  if (!recorded.ok) return { sent: false, reason: 'the case moved on before its survey went out' };
  const survey = recorded.case.survey ?? sent;
  await deps.surveys.awaitAnswer({
    channel: survey.channel,
    address: survey.to,
    caseNumber: kase.caseNumber,
    surveyId: id,
    expiresAt: new Date(Date.parse(survey.sentAt) + SURVEY_ANSWER_DAYS * DAY_MS).toISOString(),
  });
  const words = composeSurvey(kase, ref, survey.channel, deps.links);
  const message: OutboundMessage = {
    id,
    kind: 'survey',
    caseNumber: kase.caseNumber,
    channel: survey.channel,
    to: survey.to,
    language: kase.language,
    text: words.text,
    subject: words.subject,
    inReplyTo: address.answers,
    emailThread: address.emailThread,
    automatic: true,
    createdAt: survey.sentAt,
  };
  return { sent: true, message, delivery: await deps.deliver(message) };
}
