import { hmacSigner } from '../../functions/adapters/email/hmac-signer';
import type { SurveyLinkDeps } from '../../functions/domain/survey/answer-by-link';
import { answerSurveyPage, SURVEY_PATH } from '../../functions/handlers/survey/answer-survey-page';
import type { LocalApp } from '../app';
import type { LocalConfig } from '../config';
import { localSecret } from '../local-secret';
import type { LocalDoor } from './door';

export { SURVEY_PATH };

/**
 * The key signing survey links: SURVEY_SIGNING_KEY when set, else one kept in the data folder, so links
 * sent before a restart still work.
 */
export function surveySigner(where: { readonly dataDir: string }) {
  return hmacSigner(localSecret(where.dataDir, 'survey-signing-key', process.env.SURVEY_SIGNING_KEY));
}

/**
 * The survey page a guest opens from a mail survey (functions/handlers/survey, the code the survey-page
 * Lambda serves). It is on the doors' port because the guest's browser, on the internet, must reach it
 * (the operator's port refuses every other host).
 */
export const surveyDoor: LocalDoor = {
  name: 'survey',
  publicRoutes(app: LocalApp, config: LocalConfig) {
    const deps: SurveyLinkDeps = {
      cases: app.cases,
      center: app.queues,
      policy: app.policy,
      sign: surveySigner(config),
    };
    const page =
      (method: string) => async (req: { params: Record<string, string>; text(): Promise<string> }) =>
        answerSurveyPage(
          deps,
          { method, token: req.params.token ?? '', form: method === 'POST' ? await req.text() : undefined },
          app.clock.now(),
        );
    return [
      ['GET', `${SURVEY_PATH}/:token`, page('GET')],
      ['POST', `${SURVEY_PATH}/:token`, page('POST')],
    ];
  },
};
