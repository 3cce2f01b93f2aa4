// Attacks on the status callback door through the local runtime's doors port: whoever is not Twilio
// must not mark a message delivered, failed or opted out. Twilio's own signatures come from the twilio
// library (as Twilio's servers sign), never from our code.
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_PATH } from '../../local/doors/status-door';
import { BODY_LIMITS } from '../../local/runtime';
import { rawHttp } from '../support/raw-http';
import { formBody, statusCallback } from '../support/status-callbacks';
import { createdMessage } from '../support/twilio-api-stand-in';
import { messageTo, startTwilioRuntime, TWILIO, type TwilioRuntime } from '../support/twilio-runtime';

type Params = Record<string, string | string[]>;

// The message every attack is about: sent through Twilio (the stand-in), so the ledger knows its SID.
const SID = 'SM7a1b2c3d4e5f60718293a4b5c6d7e8f9';
const ID = 'CR-7K4M2Q:reply:attacked';

describe('status callback door under attack (local runtime, outbound ledger)', () => {
  let t: TwilioRuntime;
  let url: string;

  const post = (params: Params, signature: string | undefined) => t.postStatus(params, signature);
  const twilioSigns = (params: Params, target = url) => t.sign(params, target);
  // What the ledger says of the message: nothing an attacker sends may move it.
  const about = (fixture: string): Record<string, string> => ({
    ...statusCallback(fixture),
    MessageSid: SID,
    SmsSid: SID,
  });
  const untouched = async () =>
    expect(await t.runtime.app.outbound.ledger.get(ID)).toMatchObject({
      status: 'queued',
      providerMessageId: SID,
    });

  beforeAll(async () => {
    t = await startTwilioRuntime('2026-11-23T22:10:00.000Z');
    url = t.statusUrl;
    t.api.answer(createdMessage(SID, '+447700900123', TWILIO.smsFrom));
    await t.runtime.app.outbound.deliver({ ...messageTo(ID), to: '+447700900123' });
  });
  afterAll(() => t.close());

  it('refuses an unsigned callback, one signed with another token, and a tampered one, recording nothing', async () => {
    // Prepare
    const genuine = statusCallback('sms-undelivered-30003');
    const delivered = { ...genuine, MessageStatus: 'delivered', SmsStatus: 'delivered' };
    delete (delivered as Record<string, string>).ErrorCode;
    // Act
    const answers = [
      await post(delivered, undefined),
      await post(delivered, getExpectedTwilioSignature('not-the-token-0123456789abcdef', url, delivered)),
      await post(delivered, twilioSigns(genuine)),
    ];
    // Assess
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403]);
    expect(answers[2]?.body).toBe('X-Twilio-Signature does not match this request');
    await untouched();
  });

  it('refuses a signature Twilio gave another door (the messaging webhook) replayed here', async () => {
    const callback = about('whatsapp-failed-63014');
    const answer = await post(callback, twilioSigns(callback, `${t.runtime.doorsUrl}/twilio/messaging`));
    expect(answer.status).toBe(403);
    await untouched();
  });

  it('refuses a re-split that hides the message SID inside another value (403)', async () => {
    // Prepare: the signed text is AccountSid…ApiVersion…ErrorCode…From…MessageSid…; the forger folds the
    // parameters up to MessageSid's value into AccountSid's value: the same text, so the same signature.
    const genuine = statusCallback('sms-undelivered-30003');
    const { AccountSid, ApiVersion, ErrorCode, From, MessageSid, ...rest } = genuine;
    const forged = {
      AccountSid: `${AccountSid}ApiVersion${ApiVersion}ErrorCode${ErrorCode}From${From}MessageSid${MessageSid}`,
      ...rest,
    };
    // Act
    const answer = await post(forged, twilioSigns(genuine));
    // Assess
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('also appears in the value of AccountSid');
    await untouched();
  });

  it('never turns an undelivered message into a delivered one by re-cutting the status names', async () => {
    // Prepare: "MessageStatusundelivered" re-cut as the name MessageStatusun and the value delivered.
    const genuine = statusCallback('sms-undelivered-30003');
    const { MessageStatus, SmsStatus, ...rest } = genuine;
    const forged = { ...rest, MessageStatusun: 'delivered', SmsStatusun: 'delivered' };
    // Act
    const answer = await post(forged, twilioSigns(genuine));
    // Assess: signed text unchanged, but no status left to record
    expect(answer).toEqual({ status: 400, body: 'MessageStatus: required' });
    await untouched();
  });

  it('refuses a repeated MessageSid even under a valid signature (which one would be recorded?)', async () => {
    const genuine: Params = about('sms-delivered');
    const twice = {
      ...genuine,
      MessageSid: [genuine.MessageSid as string, 'SM00000000000000000000000000000000'],
    };
    const answer = await post(twice, twilioSigns(twice));
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('MessageSid is repeated');
    await untouched();
  });

  it('answers 413 to a body over the doors’ limit, before any signature work, recording nothing', async () => {
    // Prepare: a genuine callback padded with one huge extra parameter
    const genuine = about('sms-delivered');
    const body = `${formBody(genuine)}&Pad=${'a'.repeat(BODY_LIMITS.doors)}`;
    // Act
    const answer = await rawHttp(t.runtime.doorsUrl, {
      method: 'POST',
      path: STATUS_PATH,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSigns(genuine),
      },
      body,
    });
    // Assess
    expect(answer.status).toBe(413);
    await untouched();
  });

  it('records Twilio’s own report on the same message (the attacks above could have moved it)', async () => {
    const genuine = about('sms-delivered');
    expect((await post(genuine, twilioSigns(genuine))).status).toBe(200);
    expect(await t.runtime.app.outbound.ledger.get(ID)).toMatchObject({ status: 'delivered' });
  });
});
