import { NotFoundError } from '../../domain/errors';
import { declareIncident, type IncidentDeps } from '../../domain/incidents/declare';
import { sendDueNotices, type TimeUp } from '../../domain/incidents/notify';
import { parseDeclaration, parseResolution } from '../../domain/incidents/parse-incident';
import { resolveIncident, viewIncident } from '../../domain/incidents/resolve';
import type { JsonAnswer } from '../http/error-answer';
import type { AgentApiDeps, AgentRequest, AgentRoute } from './agent-routes';

/**
 * What the incident routes need beyond the agents' deps (the clock, policy, cases and deliver come from
 * those). `sendBudgetMs` bounds the sends of one request (a Lambda's timeout); what is left then goes
 * on the beat (docs/incidents.md).
 */
export type IncidentWiring = Pick<IncidentDeps, 'store' | 'bookings' | 'ledger' | 'changed'> & {
  readonly sendBudgetMs?: number | undefined;
};

type Wired = IncidentDeps & { readonly timeUp: () => TimeUp };

const LIST_LIMIT = 50;

// Real elapsed time, whatever the clock of the cases says (the local runtime's may be shifted).
const budget = (ms: number | undefined) => (): TimeUp => {
  if (ms === undefined) return () => false;
  const start = Date.now();
  return () => Date.now() - start >= ms;
};

function incidentDeps(deps: AgentApiDeps): Wired | undefined {
  const wired = deps.incidents;
  if (!wired) return undefined;
  return {
    ...wired,
    deliver: deps.deliver,
    clock: deps.clock,
    cases: deps.cases,
    perMinute: deps.policy.incidents.notificationsPerMinute,
    timeUp: budget(wired.sendBudgetMs),
  };
}

const NOT_WIRED: JsonAnswer = {
  status: 501,
  body: { error: 'incidents are not wired in this deployment', code: 'incidents_not_wired' },
};

function withIncidents(
  handle: (deps: Wired, agent: AgentApiDeps, req: AgentRequest) => Promise<JsonAnswer>,
): AgentRoute['handle'] {
  return async (agent, req) => {
    const deps = incidentDeps(agent);
    return deps ? handle(deps, agent, req) : NOT_WIRED;
  };
}

const idOf = (req: AgentRequest) => req.params.id?.toUpperCase() ?? '';

/** The operators' incident actions (docs/incidents.md), served locally and by the agent-api Lambda. */
export const INCIDENT_ROUTES: readonly AgentRoute[] = [
  {
    method: 'POST',
    path: '/api/incidents',
    handle: withIncidents(async (deps, _agent, req) => {
      const declaration = parseDeclaration(await req.json());
      const timeUp = deps.timeUp();
      const incident = await declareIncident(deps, declaration);
      // The first minute's share of notices goes at once; the beat sends the rest, paced.
      if (incident.notify) await sendDueNotices(deps, timeUp);
      const stored = (await deps.store.getIncident(incident.id)) ?? incident;
      return { status: 201, body: { incident: await viewIncident(deps, stored) } };
    }),
  },
  {
    method: 'GET',
    path: '/api/incidents',
    handle: withIncidents(async (deps) => {
      const incidents = await deps.store.listIncidents(LIST_LIMIT);
      return {
        status: 200,
        body: { incidents: await Promise.all(incidents.map((i) => viewIncident(deps, i))) },
      };
    }),
  },
  {
    method: 'GET',
    path: '/api/incidents/:id',
    handle: withIncidents(async (deps, _agent, req) => {
      const incident = await deps.store.getIncident(idOf(req));
      if (!incident) throw new NotFoundError('incident', idOf(req));
      const cases = await deps.store.casesOf(incident.id);
      return { status: 200, body: { incident: await viewIncident(deps, incident), cases } };
    }),
  },
  {
    method: 'POST',
    path: '/api/incidents/:id/resolve',
    handle: withIncidents(async (deps, agent, req) => {
      const { message } = parseResolution(await req.json());
      const timeUp = deps.timeUp();
      const result = await resolveIncident({ ...deps, lifecycle: agent }, idOf(req), message, timeUp);
      return { status: 200, body: result };
    }),
  },
];
