import type { Case } from '../../domain/case';
import {
  refusalText,
  takeNextCase,
  type WaitingLists,
  type WaitingQueue,
} from '../../domain/cases/agent-actions';
import {
  type ApplyActionDeps,
  type ApplyActionResult,
  applyCaseAction,
} from '../../domain/cases/apply-action';
import { orderWaiting } from '../../domain/cases/escalation';
import { fullTimeline } from '../../domain/cases/full-timeline';
import type { CaseAction } from '../../domain/cases/lifecycle-rules';
import { NotFoundError, ValidationError } from '../../domain/errors';
import type { Deliver } from '../../domain/outbound/deliver';
import type { OutboundLedger } from '../../domain/outbound/ledger';
import type { BookingStore, CaseStore, Clock, ContactCenter } from '../../domain/ports';
import type { JsonAnswer } from '../http/error-answer';
import { INCIDENT_ROUTES, type IncidentWiring } from './incident-routes';
import { messagesOfCase, withDelivery } from './outbound-view';
import { REPLY_ROUTES } from './reply-routes';

/** What the agents' actions need, locally and in AWS alike. */
export interface AgentApiDeps extends ApplyActionDeps {
  readonly cases: ApplyActionDeps['cases'] & Pick<CaseStore, 'listContactsOfCase' | 'listFlaggedCases'>;
  /** Settling withdraws the waiting entry; a reply to a caller without a mobile queues a call-back. */
  readonly center: Pick<ContactCenter, 'withdraw' | 'handOff'>;
  /** The verified booking a template's placeholders are filled from. */
  readonly bookings: Pick<BookingStore, 'getBooking'>;
  /** The one outbound step an agent's reply goes out through. */
  readonly deliver: Deliver;
  readonly waiting: WaitingLists;
  /** Where "take" takes cases from; undefined where the contact centre routes them (Amazon Connect). */
  readonly taking?: WaitingQueue | undefined;
  readonly clock: Clock;
  /** Where each reply's delivery is read for the case view (the outbound ledger). */
  readonly deliveries?: Pick<OutboundLedger, 'getMany'> | undefined;
  /** What follows an agent's resolve (the satisfaction survey); its outcome joins the answer. */
  readonly afterResolve?: AfterResolve | undefined;
  /** Told of every accepted action (the case metrics in AWS). */
  readonly moved?: ((kase: Case, at: Date) => void) | undefined;
  /** The incidents (functions/handlers/agent/incident-routes.ts); their routes answer 501 without. */
  readonly incidents?: IncidentWiring | undefined;
}

/** What happens after an agent resolved a case (the satisfaction survey); its outcome joins the answer. */
export type AfterResolve = (kase: Case) => Promise<unknown>;

/** What a route reads of a request: path parameters, query, headers (lower-case names) and the JSON body. */
export interface AgentRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  json(): Promise<unknown>;
}

/** One agent action: method, path with `:params` (infra writes them `{params}`), and what it does. */
export interface AgentRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly handle: (deps: AgentApiDeps, req: AgentRequest) => Promise<JsonAnswer>;
}

const AGENT_MAX = 100;
// A supervisor's list: more flagged cases than this at once is an outage, not a list to read.
const FLAGGED_MAX = 200;
const NOTE_MAX = 5_000;

function field(body: unknown, name: string, max: number): string {
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value !== 'string' || value.trim() === '')
    throw new ValidationError(name, `expected a non-empty "${name}" string in the JSON body`);
  if (value.length > max) throw new ValidationError(name, `at most ${max} characters`);
  return value.trim();
}

const caseNumberOf = (req: AgentRequest) => req.params.caseNumber?.toUpperCase() ?? '';

function answer(result: ApplyActionResult): JsonAnswer {
  if (result.ok) return { status: 200, body: { case: result.case } };
  if (result.reason === 'not_found') throw new NotFoundError('case', result.caseNumber);
  return { status: 409, body: { error: refusalText(result), code: result.reason, status: result.status } };
}

function act(toAction: (body: unknown) => CaseAction): AgentRoute['handle'] {
  return async (deps, req) => {
    const body = await req.json();
    const agent = field(body, 'agent', AGENT_MAX);
    const action = toAction(body);
    const at = deps.clock.now();
    const result = await applyCaseAction(deps, caseNumberOf(req), action, { kind: 'agent', id: agent }, at);
    if (result.ok) deps.moved?.(result.case, at);
    return answer(result);
  };
}

async function take(deps: AgentApiDeps, req: AgentRequest): Promise<JsonAnswer> {
  const queue = req.params.queue ?? '';
  const agent = field(await req.json(), 'agent', AGENT_MAX);
  if (!(queue in deps.policy.queues)) throw new NotFoundError('queue', queue);
  // In Amazon Connect an agent takes the case's task in the agent workspace: a second way to take it
  // here would race Connect's routing and leave the task queued for another agent.
  if (!deps.taking)
    return {
      status: 501,
      body: {
        error:
          'cases are taken in the Amazon Connect agent workspace: Connect routes each case as a task, and the case moves to with_agent when an agent accepts it',
        code: 'routed_by_contact_center',
      },
    };
  const at = deps.clock.now();
  const taken = await takeNextCase(
    { ...deps, queues: deps.taking, contactsOf: (n) => deps.cases.listContactsOfCase(n) },
    queue,
    agent,
    at,
  );
  if (!taken) return { status: 204 };
  deps.moved?.(taken.case, at);
  return { status: 200, body: taken };
}

/** A route's path as API Gateway writes it: `/api/cases/{caseNumber}` for `/api/cases/:caseNumber`. */
export function apiGatewayPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

const CASE_ROUTES: readonly AgentRoute[] = [
  {
    method: 'GET',
    path: '/api/queues',
    async handle(deps) {
      const lists = await deps.waiting.listAll();
      const now = deps.clock.now();
      const queues = Object.fromEntries(
        Object.entries(lists).map(([queue, list]) => [
          queue,
          orderWaiting(list, now, deps.policy).map((r) => ({
            ...r.entry,
            effectivePriority: r.effectivePriority,
          })),
        ]),
      );
      return { status: 200, body: { queues } };
    },
  },
  {
    // Cases no task carries any more (they kept ending unanswered): nobody is routed to them until a
    // supervisor acts, so they are listed here rather than left to wait unseen.
    method: 'GET',
    path: '/api/flagged-cases',
    async handle(deps) {
      return { status: 200, body: { cases: await deps.cases.listFlaggedCases(FLAGGED_MAX) } };
    },
  },
  {
    method: 'GET',
    path: '/api/cases/:caseNumber',
    async handle(deps, req) {
      const caseNumber = caseNumberOf(req);
      const [kase, contacts] = await Promise.all([
        deps.cases.getCase(caseNumber),
        deps.cases.listContactsOfCase(caseNumber),
      ]);
      if (!kase) throw new NotFoundError('case', caseNumber);
      // The stored case keeps its latest contact events; the rest come back from the contacts.
      const full = { ...kase, timeline: fullTimeline(kase, contacts) };
      const ledger = deps.deliveries;
      return {
        status: 200,
        body: {
          case: full,
          contacts: ledger ? await withDelivery(ledger, contacts) : contacts,
          ...(ledger ? { messages: await messagesOfCase(ledger, full) } : {}),
        },
      };
    },
  },
  { method: 'POST', path: '/api/queues/:queue/take', handle: take },
  {
    method: 'POST',
    path: '/api/cases/:caseNumber/notes',
    handle: act((body) => ({ type: 'note', text: field(body, 'text', NOTE_MAX) })),
  },
  { method: 'POST', path: '/api/cases/:caseNumber/pending', handle: act(() => ({ type: 'pending' })) },
  {
    method: 'POST',
    path: '/api/cases/:caseNumber/resolve',
    async handle(deps, req) {
      const resolved = await act(() => ({ type: 'resolve' }))(deps, req);
      const kase = (resolved.body as { case?: Case } | undefined)?.case;
      if (resolved.status !== 200 || !kase || !deps.afterResolve) return resolved;
      const survey = await deps.afterResolve(kase);
      return { status: 200, body: { case: (await deps.cases.getCase(kase.caseNumber)) ?? kase, survey } };
    },
  },
  { method: 'POST', path: '/api/cases/:caseNumber/reopen', handle: act(() => ({ type: 'reopen' })) },
];

/**
 * The agents' actions on cases and waiting lists, their replies and templates (docs/cases.md), and the
 * operators' incidents (docs/incidents.md), served locally and by the agent-api Lambda.
 */
export const AGENT_ROUTES: readonly AgentRoute[] = [...CASE_ROUTES, ...REPLY_ROUTES, ...INCIDENT_ROUTES];
