import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasValidTwilioSignature, twilioSignatureFor } from '../../../functions/adapters/twilio/signature';
import { ValidationError } from '../../../functions/domain/errors';
import { parseForm, singleValues } from '../../../functions/handlers/http/form';
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
      Body: ['Hello world!', 'second'],
      NewParam: '1',
      Bad: '%E0%A4%A',
    });
    expect(parseForm(Buffer.from('From=%2B33612345678').toString('base64'), true)).toEqual({
      From: '+33612345678',
    });
    expect(parseForm(undefined)).toEqual({});
  });

  it('gives back every key and value a form encoder wrote, a repeated key with all its values in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ minLength: 1 }), fc.string()), { maxLength: 12 }),
        fc.boolean(),
        (pairs, b64) => {
          // Prepare
          const encoded = new URLSearchParams(pairs).toString();
          const expected = new Map<string, string[]>();
          for (const [k, v] of pairs) expected.set(k, [...(expected.get(k) ?? []), v]);
          // Act
          const parsed = parseForm(b64 ? Buffer.from(encoded).toString('base64') : encoded, b64);
          // Assess
          expect(Object.keys(parsed).sort()).toEqual([...expected.keys()].sort());
          for (const [k, values] of expected)
            expect(parsed[k]).toEqual(values.length === 1 ? values[0] : values);
        },
      ),
    );
  });

  it('lets only a ValidationError naming a repeated field the door reads escape singleValues', () => {
    fc.assert(
      fc.property(fc.string(), fc.subarray(['From', 'To', 'Body', 'x']), (body, read) => {
        try {
          const one = singleValues(parseForm(body), read);
          for (const value of Object.values(one)) expect(typeof value).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          expect(read).toContain((error as ValidationError).path);
        }
      }),
    );
    expect(() => singleValues(parseForm('From=%2B1&From=%2B2&X=1&X=2'), ['From'])).toThrow(
      'From: sent 2 times; Twilio sends it once',
    );
    expect(singleValues(parseForm('From=%2B1&X=1&X=2'), ['From'])).toEqual({ From: '+1' });
  });

  it('never throws on any form body', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (body, b64) => {
        expect(typeof parseForm(body, b64)).toBe('object');
      }),
    );
  });
});
