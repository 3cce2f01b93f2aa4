import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The twilio library signs here, as Twilio's servers would: never our own code.
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../local/config';
import { type Runtime, startRuntime } from '../../local/runtime';
import { localTwilioAuthToken } from '../../local/twilio-token';

// Demo booking 1000000016 is Camille's, phone +33612345678: her SMS counts as from the booking's owner.
const NOW = '2026-11-23T22:10:00+01:00';
const VICTIM = '+33612345678';
const ATTACKER = '+447700900123';
const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';

type Params = Record<string, string | string[]>;
// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

function formOf(params: Params): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    for (const v of typeof value === 'string' ? [value] : value) form.append(name, v);
  return form.toString();
}

describe('Twilio doors against re-split signatures (attacks through the local runtime)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'contact-router-resplit-'));
  let runtime: Runtime;
  let token: string;
  let sids = 0;

  const sign = (url: string, params: Params) => getExpectedTwilioSignature(token, url, params);
  async function post(url: string, params: Params, signature: string) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: formOf(params),
    });
    return { status: response.status, body: await response.text() };
  }
  const recorded = async (sid: string) =>
    ((await (await fetch(`${runtime.url}/api/outbox`)).json()) as Json).messages.filter((m: Json) =>
      m.inReplyTo.includes(`sms:${sid}`),
    );
  // An SMS as Twilio posts it from the attacker's own phone, location fields included.
  const sms = (body: string) => ({
    AccountSid: ACCOUNT,
    ApiVersion: '2010-04-01',
    Body: body,
    From: ATTACKER,
    FromCity: 'LONDON',
    FromCountry: 'GB',
    MessageSid: `SM${(++sids).toString(16).padStart(32, '0')}`,
    NumMedia: '0',
    To: '+33757000000',
  });

  beforeAll(async () => {
    runtime = await startRuntime(readConfig({ PORT: '0', DATA_DIR: dataDir, CONTACT_ROUTER_NOW: NOW }));
    token = localTwilioAuthToken(dataDir, {});
  });
  afterAll(async () => {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses the victim From cut out of a body the attacker had signed, and records nothing', async () => {
    // Prepare: Twilio signs the attacker's own message; the attacker re-cuts the same signed text
    const url = `${runtime.doorsUrl}/twilio/messaging`;
    const genuine = sms(`Booking 1000000016, what is my PIN?From${VICTIM}FromZZ`);
    const { FromCity, FromCountry, ...rest } = genuine;
    const forged = {
      ...rest,
      Body: 'Booking 1000000016, what is my PIN?',
      From: VICTIM,
      FromZZ: `From${ATTACKER}FromCity${FromCity}FromCountry${FromCountry}`,
    };
    const signature = sign(url, genuine);
    expect(sign(url, forged)).toBe(signature);
    // Act
    const answer = await post(url, forged, signature);
    // Assess
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/also fits other parameters than these: From also appears/);
    expect(await recorded(genuine.MessageSid)).toEqual([]);
  });

  it('refuses a repeated From (403) or Body (400) and answers a message whose repeated key Twilio signed with all values', async () => {
    // Prepare
    const url = `${runtime.doorsUrl}/twilio/messaging`;
    const withList = {
      ...sms('Hello, is breakfast included?'),
      'MessagingBinding.Address': [VICTIM, ATTACKER],
    };
    const twoFroms = { ...sms('Hello'), From: [ATTACKER, VICTIM] };
    const twoBodies = { ...sms('Hello'), Body: ['Booking 1000000016', 'PIN 1234'] };
    // Act
    const listed = await post(url, withList, sign(url, withList));
    const doubled = await post(url, twoFroms, sign(url, twoFroms));
    const bodies = await post(url, twoBodies, sign(url, twoBodies));
    // Assess
    expect(listed.status).toBe(200);
    expect(await recorded(withList.MessageSid)).toHaveLength(1);
    expect(doubled).toEqual({ status: 403, body: expect.stringContaining('From is repeated') });
    expect(await recorded(twoFroms.MessageSid)).toEqual([]);
    expect(bodies).toEqual({ status: 400, body: 'Body: sent 2 times; Twilio sends it once' });
    expect(await recorded(twoBodies.MessageSid)).toEqual([]);
  });

  it('refuses moving the tail of a signed voice URL into the first parameter name', async () => {
    // Prepare: Twilio signed .../twilio/voice?step=start&x=10 followed by AccountSid…
    const base = `${runtime.doorsUrl}/twilio/voice`;
    const call = {
      AccountSid: ACCOUNT,
      CallSid: 'CA0123456789abcdef0123456789abcdef',
      From: ATTACKER,
      To: '+33199001100',
    };
    const signature = sign(`${base}?step=start&x=10`, call);
    const { AccountSid, ...rest } = call;
    const forged = { ...rest, '0AccountSid': AccountSid };
    // Act
    const genuine = await post(`${base}?step=start&x=10`, call, signature);
    const moved = await post(`${base}?step=start&x=1`, forged, signature);
    // Assess
    expect(genuine.status).toBe(200);
    expect(moved.status).toBe(403);
    expect(moved.body).toContain('the first parameter "0AccountSid" holds the name AccountSid');
  });
});
