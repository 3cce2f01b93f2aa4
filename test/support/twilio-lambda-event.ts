// A Twilio webhook as API Gateway (HTTP API, payload 2.0) hands it to a deployed Lambda.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { twilioSignatureFor } from '../../functions/adapters/twilio/signature';

/** The POST Twilio makes to `url` with these form parameters, signed with `token` as Twilio signs it. */
export function signedTwilioEvent(
  token: string,
  url: string,
  params: Record<string, string>,
): APIGatewayProxyEventV2 {
  const parsed = new URL(url);
  return {
    version: '2.0',
    rawPath: parsed.pathname,
    rawQueryString: parsed.search.slice(1),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignatureFor(token, url, params),
    },
    requestContext: { domainName: parsed.host, http: { method: 'POST', path: parsed.pathname } },
    body: new URLSearchParams(params).toString(),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}
