/**
 * Lambda: Twilio Voice webhook (the number's "A call comes in" URL and the IVR's own action and wait
 * URLs, all POST) behind an API Gateway HTTP API (v2). Answers TwiML: the same IVR as the Connect flows,
 * <Gather input="dtmf speech"> per question, ending in <Enqueue> with a TaskRouter <Task>.
 *
 * Environment (functions/wiring/twilio-voice-env.ts): TABLE_NAME, CONNECT_INSTANCE_ID,
 * CONNECT_TASK_FLOW_ID, CONNECT_QUEUES, PIN_PEPPER_SECRET (the intake's: staffing comes from Connect); TWILIO_AUTH_TOKEN_SECRET (Secrets Manager secret
 * id holding the auth token); TWILIO_WORKFLOW_SID (the TaskRouter workflow calls are enqueued to);
 * LOYALTY_LINES (optional JSON array of E.164 numbers that are loyalty lines); PUBLIC_ORIGIN (optional,
 * when Twilio calls a front other than the API's own domain); POWERTOOLS_SERVICE_NAME, LOG_LEVEL; POWERTOOLS_METRICS_NAMESPACE for the dashboard's metrics (shared/metrics.ts).
 * IAM: DynamoDB GetItem/PutItem/UpdateItem/Query/BatchGetItem on the table, connect:GetCurrentMetricData
 * on the instance (and StartTaskContact, UpdateContactRoutingData, UpdateContactAttributes: a caller who
 * takes the callback in the queue leaves it, and the case gets its waiting task), secretsmanager:GetSecretValue
 * on the secret.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ContactMetrics, publishMetrics, withMetrics } from '../shared/metrics';
import { wireTwilioVoice } from '../wiring/twilio-voice';
import { parseForm } from './http/form';
import { publicUrlOf } from './http/public-url';
import { answerTwilioCall, type VoiceDoorDeps } from './voice/twilio-answer';

/** Builds the handler around a deps factory, called once per cold start (tests pass their own). */
export function twilioVoiceHandler(makeDeps: () => VoiceDoorDeps, metrics = new ContactMetrics()) {
  let deps: VoiceDoorDeps | undefined;
  return middy(async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    deps ??= observed(makeDeps(), metrics);
    const answer = await answerTwilioCall(deps, {
      url: publicUrlOf(event, deps.publicOrigin),
      params: parseForm(event.body, event.isBase64Encoded),
      signature: event.headers?.['x-twilio-signature'],
    });
    return { statusCode: answer.status, headers: { 'content-type': answer.contentType }, body: answer.body };
  }).use(publishMetrics(metrics));
}

function observed(deps: VoiceDoorDeps, metrics: ContactMetrics): VoiceDoorDeps {
  return { ...deps, ivr: { ...deps.ivr, intake: withMetrics(deps.ivr.intake, metrics) } };
}

/** The deployed handler. */
export const handler = twilioVoiceHandler(() => wireTwilioVoice());
