/**
 * Lambda: TaskRouter's event callbacks (the Workspace's EventCallbackUrl, POST /twilio/taskrouter)
 * behind the Twilio webhook HTTP API: a call's case goes with the agent on `reservation.accepted` and
 * is settled on `task.completed` (adapters/twilio/taskrouter-event.ts). A bad signature is 403 before
 * anything is read; everything else is answered 204 with content-type application/json, as TaskRouter
 * asks; a store that cannot be reached is 503 (TaskRouter may then send it again).
 *
 * Environment (functions/wiring/twilio-taskrouter-env.ts): TABLE_NAME, CONNECT_INSTANCE_ID, CONNECT_TASK_FLOW_ID, CONNECT_QUEUES (a settled case's
 * waiting Connect task is withdrawn); TWILIO_AUTH_TOKEN_SECRET; PUBLIC_ORIGIN (optional);
 * POWERTOOLS_METRICS_NAMESPACE (shared/case-metrics.ts).
 * IAM: DynamoDB read/write on the table (its indexes too); secretsmanager:GetSecretValue on the
 * secret; connect:StopContact on the instance's contacts.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { twilioRequestRefusal } from '../adapters/twilio/signature';
import { followTaskRouterEvent, type TaskRouterDeps } from '../adapters/twilio/taskrouter-event';
import { CaseMetrics } from '../shared/case-metrics';
import { logger } from '../shared/logger';
import { publishMetrics } from '../shared/metrics';
import { wireTwilioTaskRouter } from '../wiring/twilio-taskrouter';
import { parseForm } from './http/form';
import { publicUrlOf } from './http/public-url';

/** What the TaskRouter door needs: the case moves, the auth token, the public origin. */
export type TaskRouterDoorDeps = TaskRouterDeps & {
  readonly authToken: () => Promise<string>;
  readonly publicOrigin?: string | undefined;
};

const answer = (statusCode: number, body = ''): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': statusCode === 204 ? 'application/json' : 'text/plain; charset=utf-8' },
  body,
});

/** Builds the handler around a deps factory, called once per cold start (tests pass their own). */
export function twilioTaskRouterHandler(
  makeDeps: (metrics: CaseMetrics) => TaskRouterDoorDeps,
  metrics = new CaseMetrics(),
) {
  let deps: TaskRouterDoorDeps | undefined;
  return middy(async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    deps ??= makeDeps(metrics);
    const params = parseForm(event.body, event.isBase64Encoded);
    try {
      const refusal = twilioRequestRefusal(await deps.authToken(), {
        url: publicUrlOf(event, deps.publicOrigin),
        params,
        signature: event.headers?.['x-twilio-signature'],
      });
      if (refusal) {
        logger.warn('taskrouter event refused', { error: refusal });
        return answer(403, refusal);
      }
      const result = await followTaskRouterEvent(deps, params);
      logger.info('taskrouter event', { ...result });
      return answer(204);
    } catch (error) {
      logger.error('taskrouter event failed', {
        error: (error as Error).name,
        reason: (error as Error).message,
      });
      return answer(503, 'temporarily unavailable');
    }
  }).use(publishMetrics(metrics));
}

/** The deployed handler. */
export const handler = twilioTaskRouterHandler((metrics) => wireTwilioTaskRouter(metrics));
