import type { Case } from '../case';
import type { Channel } from '../contact';
import type { Sign } from '../email/reply-token';
import { fill } from '../i18n/catalogue';
import { SURVEY_TEXTS } from './survey-texts';
import { type SurveyRef, surveyToken } from './survey-token';

/** Where the one-click links of a mail survey point: the public survey page, and the key signing them. */
export interface SurveyLinks {
  /** e.g. "https://support.example.com" (the local runtime: its doors' address); the path is /survey/<token>. */
  readonly baseUrl: string;
  readonly sign: Sign;
}

/** The survey's words for a channel: one question to answer with a digit, or a mail with five links. */
export function composeSurvey(
  kase: Pick<Case, 'caseNumber' | 'language'>,
  ref: SurveyRef,
  channel: Exclude<Channel, 'voice'>,
  links: SurveyLinks | undefined,
): { readonly text: string; readonly subject?: string | undefined } {
  const t = SURVEY_TEXTS[kase.language];
  const values = { case: kase.caseNumber };
  if (channel !== 'email') return { text: fill(t.question, values) };
  const lines = links
    ? [
        fill(t.chooseLink, values),
        '',
        ...[1, 2, 3, 4, 5].map(
          (score) =>
            `${score} – ${links.baseUrl.replace(/\/$/, '')}/survey/${surveyToken(ref, score, links.sign)}`,
        ),
        '',
        fill(t.orReply, values),
      ]
    : [fill(t.question, values)];
  return { text: lines.join('\n'), subject: fill(t.subject, values) };
}
