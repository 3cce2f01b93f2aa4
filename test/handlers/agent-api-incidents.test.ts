// The operators' incident routes through the deployed agent-api handler, as API Gateway calls it after
// IAM authorization, on dynalite (Amazon Connect mocked at the SDK: it cannot run here).
import { readFileSync } from 'node:fs';
import { ConnectClient, StopContactCommand } from '@aws-sdk/client-connect';
import { SESClient } from '@aws-sdk/client-ses';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoBookingStore } from '../../functions/adapters/dynamodb/booking-store';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import { agentApiHandler } from '../../functions/handlers/agent-api';
import { wireAgentApi } from '../../functions/wiring/agent-api';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { connectMock, lambdaEnv } from '../support/lambda-env';

// biome-ignore lint/suspicious/noExplicitAny: answers are walked like any HTTP client walks JSON
type Json = Record<string, any>;

const IAM_EVENT = JSON.parse(
  readFileSync(new URL('../fixtures/events/apigw/iam-post-note.json', import.meta.url), 'utf8'),
) as APIGatewayProxyEventV2;
const REF = makeBookingReference('900000001');

let db: Dynalite;
let handler: ReturnType<typeof agentApiHandler>;

beforeAll(async () => {
  db = await startDynalite();
  const env = lambdaEnv(db);
  connectMock.on(StopContactCommand).resolves({});
  handler = agentApiHandler(() =>
    wireAgentApi(
      env,
      { moved: () => {} },
      {
        dynamo: db.documentClient,
        connect: new ConnectClient({ region: 'eu-west-1' }),
        ses: new SESClient({ region: 'eu-west-1' }),
        secret: () => () => Promise.reject(new Error('no secret in these tests')),
      },
    ),
  );
  await new DynamoBookingStore(db.documentClient, db.tables.main).putBooking({
    reference: REF,
    pinHash: 'x',
    status: 'confirmed',
    checkIn: '2026-12-10',
    checkOut: '2026-12-12',
    propertyName: 'Hotel Tejo',
    city: 'Lisbon',
    propertyTimeZone: 'Europe/Lisbon',
    guestName: 'Ana',
    phone: '+351912000001',
    language: 'pt',
    tier: 'standard',
    refundStatus: 'none',
    customerId: 'c1',
    updatedAt: '2026-12-01T00:00:00Z',
  });
});
afterAll(async () => db.stop());

async function call(routeKey: string, params: Record<string, string>, body?: unknown) {
  const event = structuredClone(IAM_EVENT);
  event.routeKey = routeKey;
  event.pathParameters = params;
  if (body === undefined) delete event.body;
  else event.body = JSON.stringify(body);
  const result = (await handler(event, {} as Context)) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, body: JSON.parse(String(result.body)) as Json };
}

const declaration = { title: 'Flood', match: { city: 'Lisbon' }, message: { en: 'Flooded.' } };

describe('agent-api Lambda: incidents', () => {
  it('declares, shows and resolves an incident behind the IAM route', async () => {
    // Act
    const declared = await call('POST /api/incidents', {}, { ...declaration, notify: false });
    const id = declared.body.incident.id as string;
    const listed = await call('GET /api/incidents', {});
    const shown = await call('GET /api/incidents/{id}', { id });
    const resolved = await call('POST /api/incidents/{id}/resolve', { id }, {});

    // Assess
    expect(declared).toMatchObject({
      status: 201,
      body: { incident: { matchedBookings: 1, bookingRefs: [REF] } },
    });
    expect(listed.body.incidents.map((i: Json) => i.id)).toContain(id);
    expect(shown.body.incident.counts).toEqual({ notified: 0, contacts: 0, openCases: 0 });
    expect(resolved).toMatchObject({
      status: 200,
      body: { incident: { status: 'resolved' }, guestsTold: 0 },
    });
  });

  it('refuses to notify where the Lambda has no outbound path, and a bad declaration, with a reason', async () => {
    // Act
    const notify = await call('POST /api/incidents', {}, { ...declaration, notify: true });
    const bad = await call('POST /api/incidents', {}, { ...declaration, notify: false, priority: 0 });
    const missing = await call('GET /api/incidents/{id}', { id: 'INC-NOPE0000' });

    // Assess
    expect(notify).toMatchObject({ status: 400, body: { path: 'notify' } });
    expect(bad).toMatchObject({ status: 400, body: { path: 'priority' } });
    expect(missing.status).toBe(404);
  });
});
