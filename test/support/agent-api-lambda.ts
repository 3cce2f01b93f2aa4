// The agent-api Lambda as the handler tests drive it: HTTP API (payload format 2.0) events as API
// Gateway sends them after IAM or JWT authorization, the environment the CDK app writes, and the AWS
// clients over dynalite (Connect, SES and Secrets Manager mocked at the SDK: they cannot run here).
import { readFileSync } from 'node:fs';
import { ConnectClient } from '@aws-sdk/client-connect';
import { SESClient } from '@aws-sdk/client-ses';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { awsSecret } from '../../functions/shared/aws-secrets';
import { agentApiEnvironment } from '../../functions/wiring/agent-api-env';
import type { CaseLambdaClients } from '../../functions/wiring/aws-clients';
import type { MessengerEnvironmentInput } from '../../functions/wiring/messenger-env';
import { MESSENGERS, SURVEY_LINKS } from './aws-messengers';
import type { Dynalite } from './dynalite';
import { lambdaEnv, TEST_QUEUES } from './lambda-env';

// biome-ignore lint/suspicious/noExplicitAny: answers are walked like any HTTP client walks JSON
export type Json = Record<string, any>;

/** A recorded API Gateway event of test/fixtures/events/apigw (see its PROVENANCE.md). */
export const apiGatewayFixture = (name: string): APIGatewayProxyEventV2 =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/events/apigw/${name}`, import.meta.url), 'utf8'),
  ) as APIGatewayProxyEventV2;

/** The recorded IAM-authorized event (POST a note). */
export const IAM_EVENT = apiGatewayFixture('iam-post-note.json');

/** Options of agentApiEvent: extra headers, and the recorded event to start from (IAM by default). */
export interface EventOptions {
  readonly headers?: Record<string, string>;
  readonly from?: APIGatewayProxyEventV2;
}

/** An event like the recorded one for `routeKey` ("POST /api/cases/{caseNumber}/notes") with these values. */
export function agentApiEvent(
  routeKey: string,
  params: Record<string, string>,
  body?: unknown,
  options: EventOptions = {},
): APIGatewayProxyEventV2 {
  const event = structuredClone(options.from ?? IAM_EVENT);
  const [method = 'GET', template = '/'] = routeKey.split(' ');
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
  event.routeKey = routeKey;
  event.rawPath = path;
  event.requestContext.routeKey = routeKey;
  event.requestContext.http = { ...event.requestContext.http, method, path };
  event.pathParameters = params;
  event.headers = { ...event.headers, ...options.headers };
  if (body === undefined) delete event.body;
  else event.body = typeof body === 'string' ? body : JSON.stringify(body);
  return event;
}

type ApiHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

/** Invokes a handler with an event; answers the status and the parsed JSON body. */
export async function invoke(handler: ApiHandler, event: APIGatewayProxyEventV2) {
  const result = (await handler(event, {} as Context)) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, body: (result.body ? JSON.parse(result.body) : undefined) as Json };
}

/** The SDK clients of a case Lambda over this dynalite; secrets from (mocked) Secrets Manager by default. */
export function lambdaClients(
  db: Dynalite,
  secret: CaseLambdaClients['secret'] = awsSecret,
): CaseLambdaClients {
  return {
    dynamo: db.documentClient,
    connect: new ConnectClient({ region: 'eu-west-1' }),
    ses: new SESClient({ region: 'eu-west-1' }),
    secret,
  };
}

/** What stacks/agent-api.ts writes, over this dynalite; `extra` adds variables (a stand-in's address). */
export function agentApiEnv(
  db: Dynalite,
  extra: Record<string, string> = {},
  messengers: MessengerEnvironmentInput = MESSENGERS,
): Record<string, string> {
  return {
    ...lambdaEnv(db),
    ...agentApiEnvironment({
      tableName: db.tables.main,
      connect: { instanceId: 'i-1', taskFlowId: 'flow-task', queuesJson: JSON.stringify(TEST_QUEUES) },
      queueListLimit: 500,
      messengers,
      surveyLinks: SURVEY_LINKS,
    }),
    ...extra,
  };
}
