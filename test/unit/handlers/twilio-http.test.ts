import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasValidTwilioSignature, twilioSignatureFor } from '../../../functions/adapters/twilio/signature';
import { parseForm } from '../../../functions/handlers/http/form';
import { publicUrlOf } from '../../../functions/handlers/http/public-url';

const TOKEN = 'test-auth-token-0123456789abcdef';

function event(
  rawPath: string,
  rawQueryString: string,
  domainName = 'abc123.execute-api.eu-west-1.amazonaws.com',
) {
  return {
    rawPath,
    rawQueryString,
    headers: {},
    requestContext: { domainName },
  } as unknown as APIGatewayProxyEventV2;
}

describe('Twilio webhook plumbing', () => {
  it('rebuilds the URL Twilio called, stage segment and query string included', () => {
    expect(publicUrlOf(event('/prod/twilio/messaging', 'tenant=demo&x=1'))).toBe(
      'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/twilio/messaging?tenant=demo&x=1',
    );
    expect(publicUrlOf(event('/twilio/messaging', ''), 'https://support.example.com/')).toBe(
      'https://support.example.com/twilio/messaging',
    );
  });

  it('accepts a request signed for that URL and refuses any change to URL, params or token', () => {
    // Prepare
    const url = publicUrlOf(event('/prod/twilio/messaging', 'tenant=demo'));
    const params = { From: '+33612345678', Body: 'Bonjour', MessageSid: 'SM123' };
    const signature = twilioSignatureFor(TOKEN, url, params);
    // Assess
    expect(hasValidTwilioSignature(TOKEN, { url, params, signature })).toBe(true);
    expect(hasValidTwilioSignature(TOKEN, { url: url.replace('/prod', ''), params, signature })).toBe(false);
    expect(hasValidTwilioSignature(TOKEN, { url, params: { ...params, Body: 'Bonsoir' }, signature })).toBe(
      false,
    );
    expect(hasValidTwilioSignature('other-token', { url, params, signature })).toBe(false);
    expect(hasValidTwilioSignature(TOKEN, { url, params, signature: undefined })).toBe(false);
  });

  it('reads form bodies leniently: unknown keys kept, plus as space, bad escapes kept, base64 decoded', () => {
    expect(parseForm('Body=Hello+world%21&NewParam=1&Bad=%E0%A4%A&Body=second')).toEqual({
      Body: 'Hello world!',
      NewParam: '1',
      Bad: '%E0%A4%A',
    });
    expect(parseForm(Buffer.from('From=%2B33612345678').toString('base64'), true)).toEqual({
      From: '+33612345678',
    });
    expect(parseForm(undefined)).toEqual({});
  });

  it('never throws on any form body', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (body, b64) => {
        expect(typeof parseForm(body, b64)).toBe('object');
      }),
    );
  });
});
