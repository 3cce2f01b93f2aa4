import {
  type AfterResolve,
  AGENT_ROUTES,
  type AgentApiDeps,
} from '../../functions/handlers/agent/agent-routes';
import type { LocalApp } from '../app';
import type { Route } from './router';

/** The agents' actions on cases and the waiting lists (docs/cases.md): the routes the agent-api Lambda serves too. */
export function caseRoutes(app: LocalApp, afterResolve?: AfterResolve): Route[] {
  const deps: AgentApiDeps = {
    cases: app.cases,
    center: app.queues,
    policy: app.policy,
    waiting: app.queues,
    taking: app.queues,
    clock: app.clock,
    deliveries: app.outbound.ledger,
    afterResolve,
    incidents: {
      store: app.incidents.store,
      bookings: app.incidents.search,
      ledger: app.outbound.ledger,
      deliver: app.outbound.deliver,
      changed: () => app.incidents.lookup.invalidate(),
    },
  };
  return AGENT_ROUTES.map((route): Route => [route.method, route.path, (req) => route.handle(deps, req)]);
}
