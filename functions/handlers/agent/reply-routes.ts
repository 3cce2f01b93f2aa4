import { randomUUID } from 'node:crypto';
import { ValidationError } from '../../domain/errors';
import { type AgentReplyResult, sendAgentReply } from '../../domain/replies/agent-reply';
import { fillTemplate, listTemplates } from '../../domain/replies/canned-templates';
import { verifiedBookingOf } from '../../domain/replies/verified-booking';
import type { JsonAnswer } from '../http/error-answer';
import type { AgentApiDeps, AgentRoute } from './agent-routes';
import { idempotencyKeyOf, parseReplyBody } from './reply-body';

function answer(result: AgentReplyResult): JsonAnswer {
  if (!result.ok) {
    const status = { not_found: 404, invalid: 400, conflict: 409 }[result.kind];
    return { status, body: { error: result.message, code: result.code, delivery: result.delivery } };
  }
  if (result.kind === 'callback')
    return {
      status: result.replay ? 200 : 202,
      body: { case: result.case, callback: { number: result.number } },
    };
  const { message, delivery } = result;
  return {
    status: result.replay ? 200 : 201,
    body: { case: result.case, message: { ...message, delivery: delivery.status, reason: delivery.reason } },
  };
}

async function templates(deps: AgentApiDeps, caseParam: string | null): Promise<JsonAnswer> {
  const all = listTemplates();
  const caseNumber = caseParam?.toUpperCase();
  if (!caseNumber) return { status: 200, body: { templates: all } };
  const kase = await deps.cases.getCase(caseNumber);
  if (!kase) throw new ValidationError('caseNumber', `no case ${caseNumber}`);
  const contacts = await deps.cases.listContactsOfCase(caseNumber);
  const verifiedBooking = await verifiedBookingOf(deps.bookings, contacts, deps.clock.now());
  const facts = { caseNumber, language: kase.language, verifiedBooking };
  // Agent placeholders show as written ({time}), so the preview says what is still to fill.
  const preview = (id: string, fromAgent: readonly string[]) =>
    fillTemplate(id, facts, Object.fromEntries(fromAgent.map((name) => [name, `{${name}}`])));
  return {
    status: 200,
    body: {
      case: { caseNumber, language: kase.language, verifiedBooking: verifiedBooking !== undefined },
      templates: all.map((t) => ({ ...t, forCase: preview(t.id, t.fromAgent) })),
    },
  };
}

/**
 * Agents answer guests, free text or a canned template, on the guest's channel (docs/cases.md):
 * served by the local API and the agent-api Lambda alike, through the one deliver step each wires.
 */
export const REPLY_ROUTES: readonly AgentRoute[] = [
  {
    method: 'GET',
    path: '/api/templates',
    handle: (deps, req) => templates(deps, req.query.get('caseNumber')),
  },
  {
    method: 'POST',
    path: '/api/cases/:caseNumber/replies',
    async handle(deps, req) {
      const key = idempotencyKeyOf(req.headers['idempotency-key']);
      const body = parseReplyBody(await req.json());
      const result = await sendAgentReply(deps, {
        caseNumber: req.params.caseNumber?.toUpperCase() ?? '',
        agentId: body.agent,
        content: body.content,
        channel: body.channel,
        key: key ?? randomUUID(),
        at: deps.clock.now(),
      });
      return answer(result);
    },
  },
];
