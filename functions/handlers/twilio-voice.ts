/**
 * Lambda: Twilio Voice webhook (the number's "A call comes in" URL and the IVR's own action and wait
 * URLs, all POST) behind an API Gateway HTTP API (v2). Answers TwiML: the same IVR as the Connect flows,
 * <Gather input="dtmf speech"> per question, ending in <Enqueue> with a TaskRouter <Task>.
 *
 * Environment: TABLE_NAME, CONNECT_INSTANCE_ID, CONNECT_TASK_FLOW_ID, CONNECT_QUEUES (the intake's, see
 * shared/aws-intake.ts: staffing comes from Connect); TWILIO_AUTH_TOKEN_SECRET (Secrets Manager secret
 * id holding the auth token); TWILIO_WORKFLOW_SID (the TaskRouter workflow calls are enqueued to);
 * LOYALTY_LINES (optional JSON array of E.164 numbers that are loyalty lines); PUBLIC_ORIGIN (optional,
 * when Twilio calls a front other than the API's own domain); POWERTOOLS_SERVICE_NAME, LOG_LEVEL; POWERTOOLS_METRICS_NAMESPACE for the dashboard's metrics (shared/metrics.ts).
 * IAM: DynamoDB GetItem/PutItem/UpdateItem/Query/BatchGetItem on the table, connect:GetCurrentMetricData
 * on the instance, secretsmanager:GetSecretValue on the secret.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { TravelClassifier } from '../domain/classify/travel-classifier';
import { awsIntakeDeps } from '../shared/aws-intake';
import { awsSecret } from '../shared/aws-secrets';
import { requiredEnv } from '../shared/env';
import { logger } from '../shared/logger';
import { ContactMetrics, publishMetrics, withMetrics } from '../shared/metrics';
import { parseForm } from './http/form';
import { publicUrlOf } from './http/public-url';
import { phoneLinesFromEnv, voiceDeliver } from './voice/aws-voice-deps';
import { answerTwilioCall, type TwilioVoiceDeps } from './voice/twilio-answer';

type VoiceDoorDeps = TwilioVoiceDeps & { publicOrigin?: string | undefined };

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
export const handler = twilioVoiceHandler(() => {
  const intake = awsIntakeDeps(process.env, new TravelClassifier());
  return {
    ivr: {
      intake,
      deliver: voiceDeliver(intake, process.env),
      lines: phoneLinesFromEnv(process.env),
      platform: 'twilio',
    },
    authToken: awsSecret(requiredEnv('TWILIO_AUTH_TOKEN_SECRET')),
    workflowSid: requiredEnv('TWILIO_WORKFLOW_SID'),
    publicOrigin: process.env.PUBLIC_ORIGIN || undefined,
    log: (entry) => logger.info('twilio voice', { ...entry }),
  };
});
