// The status callback Lambda with API Gateway v2 events, signed by the twilio library over the URL
// API Gateway was called at (stage path included), as Twilio signs it.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { beforeEach, describe, expect, it } from 'vitest';
import { DependencyError } from '../../functions/domain/errors';
import { twilioStatusHandler } from '../../functions/handlers/messaging/status-lambda';
import { formBody, RecordingReports, statusCallback } from '../support/status-callbacks';

const TOKEN = 'status-token-0123456789abcdef012345';
const DOMAIN = 'abc123.execute-api.eu-west-1.amazonaws.com';
const PATH = '/prod/twilio/status';
const AT = new Date('2026-11-23T21:11:00.000Z');

let reports: RecordingReports;
let handler: ReturnType<typeof twilioStatusHandler>;

beforeEach(() => {
  reports = new RecordingReports(new Set([statusCallback('sms-delivered').MessageSid ?? '']));
  handler = twilioStatusHandler(() => ({ reports, authToken: async () => TOKEN, clock: { now: () => AT } }));
});

function post(params: Record<string, string>, signature: string, base64 = false) {
  const body = formBody(params);
  const event = {
    version: '2.0',
    rawPath: PATH,
    rawQueryString: '',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    requestContext: { domainName: DOMAIN, http: { method: 'POST', path: PATH } },
    body: base64 ? Buffer.from(body).toString('base64') : body,
    isBase64Encoded: base64,
  } as unknown as APIGatewayProxyEventV2;
  return handler(event, {} as Context) as Promise<APIGatewayProxyStructuredResultV2>;
}

const signed = (params: Record<string, string>) =>
  getExpectedTwilioSignature(TOKEN, `https://${DOMAIN}${PATH}`, params);

describe('twilio-status Lambda', () => {
  it('records a signed delivery report, also when API Gateway hands the body over in base64', async () => {
    // Prepare
    const delivered = statusCallback('sms-delivered');
    // Act
    const plain = await post(delivered, signed(delivered));
    const encoded = await post(delivered, signed(delivered), true);
    // Assess
    expect([plain.statusCode, encoded.statusCode]).toEqual([200, 200]);
    expect(reports.reports).toEqual([
      { providerMessageId: delivered.MessageSid, status: 'delivered', at: AT.toISOString() },
      { providerMessageId: delivered.MessageSid, status: 'delivered', at: AT.toISOString() },
    ]);
  });

  it('refuses with 403 a report signed for another URL or with another token, recording nothing', async () => {
    const delivered = statusCallback('sms-delivered');
    const elsewhere = getExpectedTwilioSignature(TOKEN, `https://${DOMAIN}/twilio/status`, delivered);
    const otherToken = getExpectedTwilioSignature('x'.repeat(32), `https://${DOMAIN}${PATH}`, delivered);
    expect((await post(delivered, elsewhere)).statusCode).toBe(403);
    expect((await post(delivered, otherToken)).statusCode).toBe(403);
    expect(reports.reports).toEqual([]);
  });

  it('answers 503 when the reports cannot be stored, so the failure shows in Twilio’s debugger', async () => {
    handler = twilioStatusHandler(() => ({
      reports: {
        record: async () => {
          throw new DependencyError('dynamodb', 'throttled');
        },
      },
      authToken: async () => TOKEN,
      clock: { now: () => AT },
    }));
    const delivered = statusCallback('sms-delivered');
    expect((await post(delivered, signed(delivered))).statusCode).toBe(503);
  });
});
