import { randomUUID } from 'node:crypto';
import { ValidationError } from '../../functions/domain/errors';
import type { Deliver } from '../../functions/domain/outbound/deliver';
import { type AgentReplyResult, sendAgentReply } from '../../functions/domain/replies/agent-reply';
import { fillTemplate, listTemplates } from '../../functions/domain/replies/canned-templates';
import { verifiedBookingOf } from '../../functions/domain/replies/verified-booking';
import type { SurveyLinks } from '../../functions/domain/survey/compose-survey';
import { csatSummary } from '../../functions/domain/survey/csat';
import { offerSurvey } from '../../functions/domain/survey/offer-survey';
import type { AfterResolve } from '../../functions/handlers/agent/agent-routes';
import type { LocalApp } from '../app';
import { idempotencyKeyOf, parseReplyBody } from './reply-body';
import type { ApiResponse, Route } from './router';

/** What the reply and survey routes send through: the one deliver step, and the survey links. */
export interface OutboundWiring {
  readonly deliver: Deliver;
  /** The survey page's public address and signing key (known once the doors listen). */
  readonly surveyLinks: () => SurveyLinks | undefined;
}

// Enough cases for a local runtime's summary; the AWS dashboard has the EMF metrics instead.
const SUMMARY_CASES = 1000;

function answer(result: AgentReplyResult): ApiResponse {
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

/** Agents answer guests (free text or canned templates) and read satisfaction (docs/cases.md). */
export function replyRoutes(app: LocalApp, wiring: OutboundWiring): Route[] {
  const routes: Route[] = [
    [
      'GET',
      '/api/templates',
      async (req) => {
        const templates = listTemplates();
        const caseNumber = req.query.get('caseNumber')?.toUpperCase();
        if (!caseNumber) return { status: 200, body: { templates } };
        const kase = await app.cases.getCase(caseNumber);
        if (!kase) throw new ValidationError('caseNumber', `no case ${caseNumber}`);
        const contacts = await app.cases.listContactsOfCase(caseNumber);
        const verifiedBooking = await verifiedBookingOf(app.bookings, contacts, app.clock.now());
        const facts = { caseNumber, language: kase.language, verifiedBooking };
        // Agent placeholders show as written ({time}), so the preview says what is still to fill.
        const preview = (id: string, fromAgent: readonly string[]) =>
          fillTemplate(id, facts, Object.fromEntries(fromAgent.map((name) => [name, `{${name}}`])));
        return {
          status: 200,
          body: {
            case: { caseNumber, language: kase.language, verifiedBooking: verifiedBooking !== undefined },
            templates: templates.map((t) => ({ ...t, forCase: preview(t.id, t.fromAgent) })),
          },
        };
      },
    ],
    [
      'GET',
      '/api/satisfaction',
      async () => ({ status: 200, body: csatSummary(await app.cases.listCases(SUMMARY_CASES)) }),
    ],
  ];
  routes.push([
    'POST',
    '/api/cases/:caseNumber/replies',
    async (req) => {
      const key = idempotencyKeyOf(req.headers['idempotency-key']);
      const body = parseReplyBody(await req.json());
      const result = await sendAgentReply(
        {
          cases: app.cases,
          center: app.queues,
          policy: app.policy,
          bookings: app.bookings,
          deliver: wiring.deliver,
        },
        {
          caseNumber: req.params.caseNumber?.toUpperCase() ?? '',
          agentId: body.agent,
          content: body.content,
          channel: body.channel,
          key: key ?? randomUUID(),
          at: app.clock.now(),
        },
      );
      return answer(result);
    },
  ]);
  return routes;
}

/**
 * The survey after an agent resolves a case, as the resolve answer reports it. The case is resolved
 * whatever happens here: a survey that cannot go out is reported, not an error of the resolution.
 */
export function surveyAfterResolve(app: LocalApp, wiring: OutboundWiring): AfterResolve {
  return async (kase) => {
    try {
      const outcome = await offerSurvey(
        {
          cases: app.cases,
          surveys: app.surveys,
          deliver: wiring.deliver,
          policy: app.policy,
          links: wiring.surveyLinks(),
        },
        kase,
        app.clock.now(),
      );
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
