/**
 * Lambda: the IVR behind the Amazon Connect flows (contact-flows/main-inbound.json and
 * customer-queue.json). ConnectContactFlowEvent in (Parameters.step names the question just answered),
 * flat string map out; Connect waits at most 8 s, the flows allow 4 s, a step takes well under one.
 *
 * Environment (functions/wiring/connect-ivr-env.ts): TABLE_NAME, CONNECT_INSTANCE_ID, CONNECT_TASK_FLOW_ID,
 * CONNECT_QUEUES (policy queue id → {id, arn}, JSON; every policy queue needs its ARN), PIN_PEPPER_SECRET;
 * LOYALTY_LINES (optional JSON array of E.164 numbers that are loyalty lines, on top of
 * policy/phone-lines.json); POWERTOOLS_SERVICE_NAME and LOG_LEVEL for the logger; POWERTOOLS_METRICS_NAMESPACE for the dashboard's metrics (shared/metrics.ts).
 * IAM: DynamoDB GetItem/PutItem/UpdateItem/Query/BatchGetItem on the table, connect:GetCurrentMetricData
 * on the instance (staffing). No StartTaskContact: the call itself is queued by the flow. The flow
 * invokes it through an AWS::Connect::IntegrationAssociation and a lambda:InvokeFunction permission for
 * connect.amazonaws.com scoped to the instance.
 */
import middy from '@middy/core';
import type { ConnectContactFlowEvent } from 'aws-lambda';
import { logger } from '../shared/logger';
import { maskPhone } from '../shared/mask';
import { ContactMetrics, publishMetrics, withMetrics } from '../shared/metrics';
import { wireConnectIvr } from '../wiring/connect-ivr';
import { answerConnectEvent, type ConnectIvrDeps, callOf } from './voice/connect-answer';

/** Builds the handler around a deps factory, called once per cold start (tests pass their own). */
export function connectIvrHandler(makeDeps: () => ConnectIvrDeps, metrics = new ContactMetrics()) {
  let deps: ConnectIvrDeps | undefined;
  return middy(async (event: ConnectContactFlowEvent): Promise<Record<string, string>> => {
    deps ??= observed(makeDeps(), metrics);
    const answer = await answerConnectEvent(deps, event);
    const call = callOf(event);
    logger.info('ivr step', {
      step: event.Details.Parameters?.step,
      next: answer.next,
      contactId: event.Details.ContactData.ContactId,
      from: call.from ? maskPhone(call.from) : 'withheld',
      language: answer.language,
      caseNumber: answer.caseNumber || undefined,
      queue: answer.queue || undefined,
      priority: answer.priority || undefined,
    });
    return answer;
  }).use(publishMetrics(metrics));
}

function observed(deps: ConnectIvrDeps, metrics: ContactMetrics): ConnectIvrDeps {
  return { ...deps, intake: withMetrics(deps.intake, metrics) };
}

/** The deployed handler. */
export const handler = connectIvrHandler(() => wireConnectIvr());
