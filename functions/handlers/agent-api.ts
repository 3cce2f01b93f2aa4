/**
 * Lambda: the agents' actions (AGENT_ROUTES in handlers/agent/agent-routes.ts, the same code the
 * local API serves) behind an API Gateway HTTP API whose every route requires IAM authorization
 * (SigV4) or, when the deployment configures one, a JWT from the platform's identity provider.
 * API Gateway matched the route (event.routeKey) and checked the caller before the Lambda runs.
 * `POST /api/queues/{queue}/take` answers 501: in AWS, Amazon Connect routes each case as a task.
 *
 * Environment (functions/wiring/agent-api-env.ts, readAgentApiSettings): TABLE_NAME, CONNECT_INSTANCE_ID,
 * CONNECT_TASK_FLOW_ID, CONNECT_QUEUES, AGENT_API_QUEUE_LIST_LIMIT (optional, default 500); the
 * messengers' (wiring/messenger-env.ts: TWILIO_*, WHATSAPP_TEMPLATES, EMAIL_FROM, REPLY_SIGNING_SECRET)
 * and the survey links' (wiring/survey-env.ts); POWERTOOLS_METRICS_NAMESPACE for the case metrics.
 * IAM: DynamoDB read/write on the table (its indexes too); connect:StopContact (a case resolved while
 * its task waits is withdrawn), connect:StartTaskContact, UpdateContactRoutingData and
 * UpdateContactAttributes (a call-back task); secretsmanager:GetSecretValue on the Twilio token, the
 * reply-reference and survey keys; ses:SendRawEmail on the domain identity.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { CaseMetrics } from '../shared/case-metrics';
import { logger } from '../shared/logger';
import { publishMetrics } from '../shared/metrics';
import { wireAgentApi } from '../wiring/agent-api';
import { AGENT_ROUTES, type AgentApiDeps, type AgentRoute, apiGatewayPath } from './agent/agent-routes';
import { agentRequestOf, callerOf } from './agent/api-request';
import { errorAnswer, type JsonAnswer } from './http/error-answer';

const ROUTES = new Map<string, AgentRoute>(
  AGENT_ROUTES.map((r) => [`${r.method} ${apiGatewayPath(r.path)}`, r]),
);

function reply(answer: JsonAnswer): APIGatewayProxyStructuredResultV2 {
  if (answer.body === undefined) return { statusCode: answer.status };
  return {
    statusCode: answer.status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(answer.body),
  };
}

async function route(deps: AgentApiDeps, event: APIGatewayProxyEventV2): Promise<JsonAnswer> {
  const found = ROUTES.get(event.routeKey);
  if (!found) return { status: 404, body: { error: `no route ${event.routeKey}`, code: 'not_found' } };
  try {
    return await found.handle(deps, agentRequestOf(event));
  } catch (error) {
    const answer = errorAnswer(error);
    if (answer.status >= 500)
      logger.error('agent action failed', { error: (error as Error).name, reason: (error as Error).message });
    return answer;
  }
}

/** Builds the handler around a deps factory, called once per cold start (tests pass their own). */
export function agentApiHandler(
  makeDeps: (metrics: CaseMetrics) => AgentApiDeps,
  metrics = new CaseMetrics(),
) {
  let deps: AgentApiDeps | undefined;
  return middy(async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    deps ??= makeDeps(metrics);
    const answer = await route(deps, event);
    // Route, case and caller only: agent actions carry no guest data worth logging.
    logger.info('agent action', {
      route: event.routeKey,
      caseNumber: event.pathParameters?.caseNumber,
      caller: callerOf(event),
      status: answer.status,
    });
    return reply(answer);
  }).use(publishMetrics(metrics));
}

/** The deployed handler. */
export const handler = agentApiHandler((metrics) => wireAgentApi(process.env, metrics));
