import type { Case } from '../case';
import type { Sign } from '../email/reply-token';
import { toHandOff } from '../intake/hand-off';
import type { Language } from '../languages';
import type { CaseStore, ContactCenter } from '../ports';
import type { RoutingPolicy } from '../routing/policy-schema';
import type { CaseLifecycleStore } from '../store-ports';
import { recordSatisfaction, SURVEY_ANSWER_DAYS } from './record-satisfaction';
import { readSurveyToken, surveyId } from './survey-token';

const DAY_MS = 86_400_000;
const COMMENT_MAX = 1000;

/** What the survey page of a one-click link needs. */
export interface SurveyLinkDeps {
  readonly cases: CaseLifecycleStore & Pick<CaseStore, 'listContactsOfCase'>;
  readonly center: Pick<ContactCenter, 'handOff'>;
  readonly policy: RoutingPolicy;
  readonly sign: Sign;
}

/** What the survey page shows: the score to confirm, the thanks, or that the link is no good. */
export type SurveyPage =
  | { readonly kind: 'ask'; readonly caseNumber: string; readonly language: Language; readonly score: number }
  | {
      readonly kind: 'done';
      readonly caseNumber: string;
      readonly language: Language;
      readonly score: number;
      readonly reopened: boolean;
    }
  | { readonly kind: 'invalid'; readonly language?: Language | undefined };

async function surveyedCase(deps: SurveyLinkDeps, token: string) {
  const read = readSurveyToken(token, deps.sign);
  if (!read) return undefined;
  const kase = await deps.cases.getCase(read.ref.caseNumber);
  const id = surveyId(read.ref);
  return kase?.survey?.id === id ? { kase, id, score: read.score } : undefined;
}

/**
 * The page a one-click link opens (GET): it records nothing, because mail scanners open every link
 * of a mail (and a 1 would reopen the case); it shows the score with a Send button and a comment box.
 */
export async function readSurveyLink(deps: SurveyLinkDeps, token: string, at: Date): Promise<SurveyPage> {
  const found = await surveyedCase(deps, token);
  if (!found) return { kind: 'invalid' };
  const { kase, id, score } = found;
  const given = kase.satisfaction;
  if (given?.surveyId === id)
    return {
      kind: 'done',
      caseNumber: kase.caseNumber,
      language: kase.language,
      score: given.score,
      reopened: false,
    };
  const sentAt = Date.parse(kase.survey?.sentAt ?? '');
  if (!(at.getTime() - sentAt <= SURVEY_ANSWER_DAYS * DAY_MS))
    return { kind: 'invalid', language: kase.language };
  return { kind: 'ask', caseNumber: kase.caseNumber, language: kase.language, score };
}

// A reopened case needs its waiting entry back: one per survey answer, so sending twice changes nothing.
async function requeue(deps: SurveyLinkDeps, kase: Case, id: string, summary: string, at: Date) {
  const contacts = await deps.cases.listContactsOfCase(kase.caseNumber);
  const latest = [...contacts].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))[0];
  if (!latest) return;
  await deps.center.handOff({
    ...toHandOff({ ...latest, id: `${id}:answer` }, kase),
    summary,
    receivedAt: at.toISOString(),
    reasons: ['low satisfaction score by the survey link: case reopened, one priority step up'],
    requeue: true,
  });
}

/** The guest sent the survey page (POST): records the score and comment of the link, once. */
export async function answerSurveyLink(
  deps: SurveyLinkDeps,
  token: string,
  comment: string | undefined,
  at: Date,
): Promise<SurveyPage> {
  const found = await surveyedCase(deps, token);
  if (!found) return { kind: 'invalid' };
  const { kase, id, score } = found;
  const text = comment?.trim().slice(0, COMMENT_MAX) || undefined;
  const recorded = await recordSatisfaction(
    deps,
    { caseNumber: kase.caseNumber, surveyId: id, score, comment: text },
    at,
  );
  if (!recorded.ok) {
    if (recorded.reason !== 'already_answered') return { kind: 'invalid', language: kase.language };
    const given = kase.satisfaction?.score ?? score;
    return {
      kind: 'done',
      caseNumber: kase.caseNumber,
      language: kase.language,
      score: given,
      reopened: false,
    };
  }
  if (recorded.reopened)
    await requeue(
      deps,
      recorded.case,
      id,
      `satisfaction ${score}/5${text ? `: ${text}` : ''}`.slice(0, 300),
      at,
    );
  return {
    kind: 'done',
    caseNumber: kase.caseNumber,
    language: kase.language,
    score,
    reopened: recorded.reopened,
  };
}
