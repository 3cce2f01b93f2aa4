import { answerSurveyLink, readSurveyLink, type SurveyLinkDeps } from '../../domain/survey/answer-by-link';
import { parseForm } from '../http/form';
import { renderSurveyPage } from './survey-page';

/** The survey page's path; a mail survey's links are <page URL>/survey/<token>. */
export const SURVEY_PATH = '/survey';

/** One request to the survey page, as any door reads it. */
export interface SurveyPageRequest {
  readonly method: string;
  readonly token: string;
  /** The form body of a POST (`comment`), as sent. */
  readonly form?: string | undefined;
}

/**
 * The survey page a guest opens from a mail survey, for the local doors and the survey-page Lambda
 * alike. It touches only the case its signed token names. Opening the link (GET) records nothing,
 * because mail scanners open every link; sending the page (POST) records the score and comment once.
 */
export async function answerSurveyPage(
  deps: SurveyLinkDeps,
  request: SurveyPageRequest,
  at: Date,
): Promise<ReturnType<typeof renderSurveyPage>> {
  if (request.method !== 'POST') return renderSurveyPage(await readSurveyLink(deps, request.token, at));
  const comment = parseForm(request.form ?? '').comment;
  const text = typeof comment === 'string' ? comment : undefined;
  return renderSurveyPage(await answerSurveyLink(deps, request.token, text, at));
}
