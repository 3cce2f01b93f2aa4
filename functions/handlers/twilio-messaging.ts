/**
 * Lambda: Twilio's inbound messaging webhook (SMS and WhatsApp) behind an API Gateway HTTP API (v2).
 *
 * Environment (functions/wiring/twilio-messaging-env.ts): TABLE_NAME, CONNECT_INSTANCE_ID,
 * CONNECT_TASK_FLOW_ID, CONNECT_QUEUES, PIN_PEPPER_SECRET; TWILIO_AUTH_TOKEN_SECRET (Secrets Manager secret id holding the auth token);
 * PUBLIC_ORIGIN (optional: "https://support.example.com" when Twilio calls a front other than the API's
 * own domain); MESSAGING_REPLIES_PER_SENDER_PER_HOUR (optional, default 5: answers one sender gets an
 * hour, the rest are recorded without one); POWERTOOLS_SERVICE_NAME and LOG_LEVEL for the logger; POWERTOOLS_METRICS_NAMESPACE for the dashboard's metrics (shared/metrics.ts).
 * IAM: DynamoDB read/write on the table, connect:StartTaskContact, connect:UpdateContactRoutingData,
 * connect:GetCurrentMetricData on the instance, secretsmanager:GetSecretValue on the secret.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { CaseMetrics, withAnswers } from '../shared/case-metrics';
import { ContactMetrics, publishMetrics, withMetrics } from '../shared/metrics';
import { wireTwilioMessaging } from '../wiring/twilio-messaging';
import { parseForm } from './http/form';
import { publicUrlOf } from './http/public-url';
import { answerTwilioMessage, type MessagingDoorDeps } from './messaging/answer-message';

/**
 * Builds the handler around a deps factory, called once per cold start (tests pass their own). New
 * contacts go to `metrics`, survey answers ("5") to `answers` (CSAT per queue and language).
 */
export function messagingHandler(
  makeDeps: () => MessagingDoorDeps,
  metrics = new ContactMetrics(),
  answers = new CaseMetrics(),
) {
  let deps: MessagingDoorDeps | undefined;
  return middy(async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    deps ??= observed(makeDeps(), metrics, answers);
    const answer = await answerTwilioMessage(deps, {
      url: publicUrlOf(event, deps.publicOrigin),
      params: parseForm(event.body, event.isBase64Encoded),
      signature: event.headers?.['x-twilio-signature'],
    });
    return { statusCode: answer.status, headers: { 'content-type': answer.contentType }, body: answer.body };
  }).use(publishMetrics(metrics, answers));
}

function observed(deps: MessagingDoorDeps, metrics: ContactMetrics, answers: CaseMetrics): MessagingDoorDeps {
  return { ...deps, intake: withAnswers(withMetrics(deps.intake, metrics), answers) };
}

/** The deployed handler. */
export const handler = messagingHandler(() => wireTwilioMessaging());
