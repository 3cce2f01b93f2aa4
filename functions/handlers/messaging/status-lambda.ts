import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '../../shared/logger';
import { parseForm } from '../http/form';
import { publicUrlOf } from '../http/public-url';
import { answerTwilioStatus, type StatusDoorDeps } from './answer-status';

/** The status door's dependencies in a Lambda: the door's, and the origin Twilio called when not the API's. */
export type StatusLambdaDeps = StatusDoorDeps & { readonly publicOrigin?: string | undefined };

/**
 * The status callback Lambda (POST /twilio/status behind the Twilio webhook HTTP API) around a deps
 * factory, called once per cold start (tests pass their own): the URL Twilio signed is rebuilt from the
 * event, the answer is answerTwilioStatus's, every outcome is logged with the message SID only.
 */
export function twilioStatusHandler(makeDeps: () => StatusLambdaDeps) {
  let deps: StatusLambdaDeps | undefined;
  return middy(async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    deps ??= { log: (entry) => logger.info('twilio status', { ...entry }), ...makeDeps() };
    const answer = await answerTwilioStatus(deps, {
      url: publicUrlOf(event, deps.publicOrigin),
      params: parseForm(event.body, event.isBase64Encoded),
      signature: event.headers?.['x-twilio-signature'],
    });
    return { statusCode: answer.status, headers: { 'content-type': answer.contentType }, body: answer.body };
  });
}
