// The agent-api Lambda as the handler tests drive it: HTTP API (payload format 2.0) events as API
// Gateway sends them after IAM or JWT authorization, the environment the CDK app writes, the AWS
// clients over dynalite (Connect, SES and Secrets Manager mocked at the SDK: they cannot run here),
// and the cases the tests act on.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConnectClient, StartTaskContactCommand } from '@aws-sdk/client-connect';
import { SESClient } from '@aws-sdk/client-ses';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { CaseTaskItems } from '../../functions/adapters/dynamodb/case-task-items';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import type { Case } from '../../functions/domain/case';
import { caseNumberFor } from '../../functions/domain/intake/case-number';
import type { ContactRecord } from '../../functions/domain/ports';
import { awsSecret } from '../../functions/shared/aws-secrets';
import { agentApiEnvironment } from '../../functions/wiring/agent-api-env';
import type { CaseLambdaClients } from '../../functions/wiring/aws-clients';
import { connectContactCenter } from '../../functions/wiring/contact-center';
import type { MessengerEnvironmentInput } from '../../functions/wiring/messenger-env';
import { readContactCenterSettings } from '../../functions/wiring/shared-env';
import { aCase, aContact, aHandOff, unique } from '../integration/builders';
import { MESSENGERS, SURVEY_LINKS } from './aws-messengers';
import type { Dynalite } from './dynalite';
import { connectMock, lambdaEnv, TEST_QUEUES } from './lambda-env';

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

/** A case an agent holds, with the guest's one contact (by default an SMS from a French mobile). */
export async function aCaseWithAGuest(
  cases: DynamoCaseStore,
  contact: Partial<ContactRecord> = {},
): Promise<Case> {
  const at = new Date(Date.now() - 10 * 60_000).toISOString();
  const kase = aCase({
    // A real case number (CR- and six Crockford digits): the survey link's token carries it.
    caseNumber: caseNumberFor(randomUUID(), 0),
    status: 'with_agent',
    language: 'fr',
    queue: 'en-team',
    agentId: 'agent-dewi',
    openedAt: at,
    updatedAt: at,
  });
  const record = aContact({ caseNumber: kase.caseNumber, receivedAt: at, ...contact });
  await cases.createCase(kase, record.id);
  await cases.putContactOnce(record);
  return kase;
}

/** A waiting case whose hand-off started a Connect task (the real adapter, Connect mocked). */
export async function aWaitingCaseWithATask(
  db: Dynalite,
  env: Record<string, string>,
): Promise<{ kase: Case; contactId: string }> {
  const kase = aCase({
    caseNumber: unique('CR-').toUpperCase(),
    status: 'waiting',
    queue: 'en-team',
    openedAt: '2026-12-06T16:00:00.000Z',
    updatedAt: '2026-12-06T16:00:00.000Z',
  });
  await new DynamoCaseStore(db.documentClient, db.tables.main).createCase(kase, `sms:${kase.caseNumber}`);
  const contactId = randomUUID();
  connectMock.on(StartTaskContactCommand).resolves({ ContactId: contactId });
  await connectContactCenter(
    readContactCenterSettings(env).connect,
    new ConnectClient({ region: 'eu-west-1' }),
    caseTasks(db),
  ).handOff(aHandOff({ caseNumber: kase.caseNumber, queue: 'en-team', receivedAt: kase.openedAt }));
  return { kase, contactId };
}

/** The Connect task bookkeeping on this dynalite. */
export const caseTasks = (db: Dynalite) =>
  new CaseTaskItems(new TableClient(db.documentClient, db.tables.main));
