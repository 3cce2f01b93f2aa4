import { hmacSigner } from '../../functions/adapters/email/hmac-signer';
import {
  answerSurveyLink,
  readSurveyLink,
  type SurveyLinkDeps,
} from '../../functions/domain/survey/answer-by-link';
import { parseForm } from '../../functions/handlers/http/form';
import type { LocalApp } from '../app';
import type { LocalConfig } from '../config';
import { localSecret } from '../local-secret';
import type { LocalDoor } from './door';
import { renderSurveyPage } from './survey-page';

/** The path of the survey page on the doors' port; a mail survey's links point here. */
export const SURVEY_PATH = '/survey';

/**
 * The key signing survey links: SURVEY_SIGNING_KEY when set, else one kept in the data folder, so links
 * sent before a restart still work.
 */
export function surveySigner(where: { readonly dataDir: string }) {
  return hmacSigner(localSecret(where.dataDir, 'survey-signing-key', process.env.SURVEY_SIGNING_KEY));
}

/**
 * The survey page a guest opens from a mail survey. It is on the doors' port because the guest's browser,
 * on the internet, must reach it (the operator's port refuses every other host); it touches only the case
 * its signed token names. Opening the link records nothing (mail scanners open links); sending the page does.
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
    return [
      [
        'GET',
        `${SURVEY_PATH}/:token`,
        async (req) => renderSurveyPage(await readSurveyLink(deps, req.params.token ?? '', app.clock.now())),
      ],
      [
        'POST',
        `${SURVEY_PATH}/:token`,
        async (req) => {
          const comment = parseForm(await req.text()).comment;
          const text = typeof comment === 'string' ? comment : undefined;
          return renderSurveyPage(
            await answerSurveyLink(deps, req.params.token ?? '', text, app.clock.now()),
          );
        },
      ],
    ];
  },
};
