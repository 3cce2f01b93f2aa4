import type { Case, CaseEvent, Satisfaction } from '../case';
import { lifecycleStatus } from '../cases/follow-up';
import { transition } from '../cases/transition';
import { DependencyError } from '../errors';
import type { RoutingPolicy } from '../routing/policy-schema';
import type { CaseLifecycleStore } from '../store-ports';

/** How long after it was sent a survey takes its answer. */
export const SURVEY_ANSWER_DAYS = 7;
const DAY_MS = 86_400_000;
const MAX_ROUNDS = 10;

/** A guest's answer to one survey. */
export interface SurveyAnswer {
  readonly caseNumber: string;
  readonly surveyId: string;
  readonly score: number;
  readonly comment?: string | undefined;
  /** The message that carried it (none for a link): its redelivery is the same answer. */
  readonly contactId?: string | undefined;
}

/** The case after the answer (reopened after a score of 1 or 2), or why the answer does not count. */
export type RecordedAnswer =
  | { readonly ok: true; readonly case: Case; readonly reopened: boolean; readonly replay: boolean }
  | { readonly ok: false; readonly reason: 'not_found' | 'no_such_survey' | 'expired' | 'already_answered' };

const isSame = (given: Satisfaction, answer: SurveyAnswer) =>
  given.contactId === answer.contactId && given.score === answer.score;

/**
 * Records a survey answer on its case, once: `satisfaction` set and a "satisfaction" event (not a
 * contact: nothing is counted or queued by it). A score of 1 or 2 on a resolved case reopens it one
 * priority step higher, the guest's comment on the reopening, so an agent takes it up again. A second,
 * different answer to the same survey is refused; the same one again (a retry) changes nothing.
 */
export async function recordSatisfaction(
  deps: { readonly cases: CaseLifecycleStore; readonly policy: RoutingPolicy },
  answer: SurveyAnswer,
  at: Date,
): Promise<RecordedAnswer> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const kase = await deps.cases.getCase(answer.caseNumber);
    if (!kase) return { ok: false, reason: 'not_found' };
    if (kase.survey?.id !== answer.surveyId) return { ok: false, reason: 'no_such_survey' };
    const given = kase.satisfaction;
    if (given?.surveyId === answer.surveyId)
      return isSame(given, answer)
        ? // Reopened by it and still waiting: the caller may hand it to the agents again (idempotent).
          {
            ok: true,
            case: kase,
            reopened: given.score <= 2 && lifecycleStatus(kase.status) === 'waiting',
            replay: true,
          }
        : { ok: false, reason: 'already_answered' };
    if (at.getTime() - Date.parse(kase.survey.sentAt) > SURVEY_ANSWER_DAYS * DAY_MS)
      return { ok: false, reason: 'expired' };
    const iso = at.toISOString();
    const satisfaction: Satisfaction = {
      score: answer.score,
      comment: answer.comment,
      at: iso,
      surveyId: answer.surveyId,
      contactId: answer.contactId,
    };
    const words = `${answer.score}/5${answer.comment ? `: ${answer.comment}` : ''}`;
    const recorded: CaseEvent = {
      type: 'satisfaction',
      at: iso,
      by: 'guest',
      status: lifecycleStatus(kase.status),
      note: words,
    };
    const reopen =
      answer.score <= 2 ? transition(kase, { type: 'reopen' }, 'guest', at, deps.policy) : undefined;
    const next: Case = reopen?.ok
      ? { ...reopen.case, satisfaction, priority: Math.max(1, kase.priority - 1) }
      : { ...kase, satisfaction, updatedAt: iso };
    const events = reopen?.ok
      ? [recorded, ...reopen.events.map((e) => ({ ...e, note: `low satisfaction ${words}` }))]
      : [recorded];
    if ((await deps.cases.saveCase(next, kase.updatedAt, events)) === 'conflict') continue;
    const saved = { ...next, revision: (kase.revision ?? 0) + 1, timeline: [...kase.timeline, ...events] };
    return { ok: true, case: saved, reopened: reopen?.ok === true, replay: false };
  }
  throw new DependencyError(
    'case-store',
    `case ${answer.caseNumber} kept changing while its survey answer was recorded`,
  );
}
