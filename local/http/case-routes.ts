import type { SurveyLinks } from '../../functions/domain/survey/compose-survey';
import { AGENT_ROUTES, type AgentApiDeps } from '../../functions/handlers/agent/agent-routes';
import { surveyAfterResolve } from '../../functions/handlers/agent/survey-after-resolve';
import type { LocalApp } from '../app';
import type { Route } from './router';

/**
 * The agents' actions on cases, waiting lists, replies and templates (docs/cases.md): the routes the
 * agent-api Lambda serves too. A resolve offers the survey, its links pointing where `surveyLinks` says.
 */
export function caseRoutes(app: LocalApp, surveyLinks: () => SurveyLinks | undefined): Route[] {
  const deps: AgentApiDeps = {
    cases: app.cases,
    center: app.queues,
    policy: app.policy,
    bookings: app.bookings,
    deliver: app.outbound.deliver,
    waiting: app.queues,
    taking: app.queues,
    clock: app.clock,
    deliveries: app.outbound.ledger,
    afterResolve: surveyAfterResolve({
      cases: app.cases,
      surveys: app.surveys,
      deliver: app.outbound.deliver,
      policy: app.policy,
      clock: app.clock,
      links: surveyLinks,
    }),
    incidents: {
      store: app.incidents.store,
      bookings: app.incidents.search,
      ledger: app.outbound.ledger,
      changed: () => app.incidents.lookup.invalidate(),
    },
  };
  return AGENT_ROUTES.map((route): Route => [route.method, route.path, (req) => route.handle(deps, req)]);
}
