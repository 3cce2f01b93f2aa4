import { hmacSigner } from '../adapters/email/hmac-signer';
import type { SurveyLinks } from '../domain/survey/compose-survey';
import { ConfigurationError } from './env-vars';

/**
 * Where a mail survey's one-click links point and the key signing them: the public survey page
 * (GET/POST /survey/{token} on the Twilio webhook HTTP API, functions/handlers/survey-page.ts) and a
 * Secrets Manager secret. Read by every Lambda that offers surveys and by the page that answers them.
 */
export interface SurveyLinkSettings {
  /** The page's base URL (https://…); the links are <pageUrl>/survey/<token>. None: mail asks for a digit reply. */
  readonly pageUrl?: string | undefined;
  /** Secrets Manager id of the signing key. */
  readonly signingSecret?: string | undefined;
}

const VARS = { pageUrl: 'SURVEY_PAGE_URL', signingSecret: 'SURVEY_SIGNING_SECRET' } as const;

/** The survey links' environment variables, as the CDK app writes them. */
export function surveyLinksEnvironment(settings: SurveyLinkSettings): Record<string, string> {
  return {
    ...(settings.pageUrl ? { [VARS.pageUrl]: settings.pageUrl } : {}),
    ...(settings.signingSecret ? { [VARS.signingSecret]: settings.signingSecret } : {}),
  };
}

/** Reads the survey links' settings; a page without a key (or a malformed URL) fails the cold start. */
export function readSurveyLinkSettings(env: NodeJS.ProcessEnv): SurveyLinkSettings {
  const pageUrl = env[VARS.pageUrl]?.trim() || undefined;
  const signingSecret = env[VARS.signingSecret]?.trim() || undefined;
  if (pageUrl && !URL.canParse(pageUrl))
    throw new ConfigurationError(`${VARS.pageUrl}: expected a URL, got "${pageUrl}"`);
  if (pageUrl && !signingSecret)
    throw new ConfigurationError(
      `${VARS.pageUrl} is set but ${VARS.signingSecret} is not: links must be signed`,
    );
  return { pageUrl, signingSecret };
}

/** The signing key alone (the survey page checks links it did not write). */
export function wireSurveySigner(
  settings: SurveyLinkSettings,
  secret: (secretId: string) => () => Promise<string>,
): () => Promise<ReturnType<typeof hmacSigner>> {
  if (!settings.signingSecret) throw new ConfigurationError(`${VARS.signingSecret} is not set`);
  const key = secret(settings.signingSecret);
  return async () => hmacSigner(await key());
}

/** The links a survey mail carries, read when one goes out (the key cached for minutes); none without a page. */
export function wireSurveyLinks(
  settings: SurveyLinkSettings,
  secret: (secretId: string) => () => Promise<string>,
): () => Promise<SurveyLinks | undefined> {
  const { pageUrl } = settings;
  if (!pageUrl) return async () => undefined;
  const signer = wireSurveySigner(settings, secret);
  return async () => ({ baseUrl: pageUrl.replace(/\/$/, ''), sign: await signer() });
}
