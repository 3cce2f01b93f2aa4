import type { Case } from '../../functions/domain/case';
import { refusalText, takeNextCase } from '../../functions/domain/cases/agent-actions';
import { type ApplyActionResult, applyCaseAction } from '../../functions/domain/cases/apply-action';
import { orderWaiting } from '../../functions/domain/cases/escalation';
import type { CaseAction } from '../../functions/domain/cases/lifecycle-rules';
import { NotFoundError, ValidationError } from '../../functions/domain/errors';
import type { LocalApp } from '../app';
import type { ApiResponse, Route } from './router';

const AGENT_MAX = 100;
const NOTE_MAX = 5_000;

function field(body: unknown, name: string, max: number): string {
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value !== 'string' || value.trim() === '')
    throw new ValidationError(name, `expected a non-empty "${name}" string in the JSON body`);
  if (value.length > max) throw new ValidationError(name, `at most ${max} characters`);
  return value.trim();
}

function answer(result: ApplyActionResult): ApiResponse {
  if (result.ok) return { status: 200, body: { case: result.case } };
  if (result.reason === 'not_found') throw new NotFoundError('case', result.caseNumber);
  return { status: 409, body: { error: refusalText(result), code: result.reason, status: result.status } };
}

/** What happens after an agent resolved a case (the satisfaction survey); its outcome joins the answer. */
export type AfterResolve = (kase: Case) => Promise<unknown>;

/** The agents' actions on cases and the waiting lists (docs/cases.md). */
export function caseRoutes(app: LocalApp, afterResolve?: AfterResolve): Route[] {
  const deps = { cases: app.cases, center: app.queues, policy: app.policy };
  const act =
    (toAction: (body: unknown) => CaseAction): Route[2] =>
    async (req) => {
      const body = await req.json();
      const agent = field(body, 'agent', AGENT_MAX);
      const caseNumber = req.params.caseNumber?.toUpperCase() ?? '';
      const action = toAction(body);
      return answer(
        await applyCaseAction(deps, caseNumber, action, { kind: 'agent', id: agent }, app.clock.now()),
      );
    };
  return [
    [
      'GET',
      '/api/queues',
      async () => {
        const lists = await app.queues.listAll();
        const now = app.clock.now();
        const queues = Object.fromEntries(
          Object.entries(lists).map(([queue, list]) => [
            queue,
            orderWaiting(list, now, app.policy).map((r) => ({
              ...r.entry,
              effectivePriority: r.effectivePriority,
            })),
          ]),
        );
        return { status: 200, body: { queues } };
      },
    ],
    [
      'POST',
      '/api/queues/:queue/take',
      async (req) => {
        const queue = req.params.queue ?? '';
        const agent = field(await req.json(), 'agent', AGENT_MAX);
        if (!(queue in app.policy.queues)) throw new NotFoundError('queue', queue);
        const taken = await takeNextCase(
          { ...deps, queues: app.queues, contactsOf: (n) => app.cases.listContactsOfCase(n) },
          queue,
          agent,
          app.clock.now(),
        );
        return taken ? { status: 200, body: taken } : { status: 204 };
      },
    ],
    [
      'POST',
      '/api/cases/:caseNumber/notes',
      act((body) => ({ type: 'note', text: field(body, 'text', NOTE_MAX) })),
    ],
    ['POST', '/api/cases/:caseNumber/pending', act(() => ({ type: 'pending' }))],
    [
      'POST',
      '/api/cases/:caseNumber/resolve',
      async (req) => {
        const resolved = await act(() => ({ type: 'resolve' }))(req);
        const kase = (resolved.body as { case?: Case } | undefined)?.case;
        if (resolved.status !== 200 || !kase || !afterResolve) return resolved;
        const survey = await afterResolve(kase);
        return { status: 200, body: { case: (await app.cases.getCase(kase.caseNumber)) ?? kase, survey } };
      },
    ],
    ['POST', '/api/cases/:caseNumber/reopen', act(() => ({ type: 'reopen' }))],
  ];
}
