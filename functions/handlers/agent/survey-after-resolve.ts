import type { Case } from '../../domain/case';
import type { Clock } from '../../domain/ports';
import type { SurveyLinks } from '../../domain/survey/compose-survey';
import { offerSurvey, type SurveyDeps } from '../../domain/survey/offer-survey';

/** What offering the survey after a resolve needs; the links are read when a survey goes out. */
export interface SurveyAfterResolveDeps extends Omit<SurveyDeps, 'links'> {
  readonly clock: Clock;
  /** The survey page's public address and signing key (locally known once the doors listen; in AWS a secret). */
  readonly links: () => SurveyLinks | undefined | Promise<SurveyLinks | undefined>;
}

/** The survey's outcome as an answer or a log line reports it: where it went and how, or why none did. */
export type SurveyReport =
  | {
      readonly sent: true;
      readonly id: string;
      readonly channel: string;
      readonly to: string;
      readonly delivery: string;
      readonly reason?: string | undefined;
    }
  | { readonly sent: false; readonly reason: string };

/**
 * The survey after a case was resolved (by an agent through the API, or by the contact centre's
 * event), for the local runtime and the Lambdas alike. The case is resolved whatever happens here: a
 * survey that cannot go out is reported, never an error of the resolution.
 */
export function surveyAfterResolve(deps: SurveyAfterResolveDeps): (kase: Case) => Promise<SurveyReport> {
  return async (kase) => {
    try {
      const outcome = await offerSurvey({ ...deps, links: await deps.links() }, kase, deps.clock.now());
      if (!outcome.sent) return outcome;
      const { id, channel, to } = outcome.message;
      return {
        sent: true,
        id,
        channel,
        to,
        delivery: outcome.delivery.status,
        reason: outcome.delivery.reason,
      };
    } catch (error) {
      return {
        sent: false,
        reason: `the survey could not be sent: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  };
}
