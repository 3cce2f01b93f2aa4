// Attacks on the status callback door through the local runtime's doors port: whoever is not Twilio
// must not mark a message delivered, failed or opted out. Twilio's own signatures come from the twilio
// library (as Twilio's servers sign), never from our code.
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../local/config';
import { LOCAL_DOORS } from '../../local/doors';
import { STATUS_PATH, statusDoor } from '../../local/doors/status-door';
import { BODY_LIMITS, type Runtime, startRuntime } from '../../local/runtime';
import { localTwilioAuthToken } from '../../local/twilio-token';
import { rawHttp } from '../support/raw-http';
import { formBody, RecordingReports, statusCallback } from '../support/status-callbacks';

type Params = Record<string, string | string[]>;

describe('status callback door under attack (local runtime)', () => {
  let runtime: Runtime;
  let url: string;
  let token: string;
  let reports: RecordingReports;

  async function post(params: Params, signature: string | undefined, target = url) {
    const response = await fetch(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(signature === undefined ? {} : { 'x-twilio-signature': signature }),
      },
      body: formBody(params),
    });
    return { status: response.status, body: await response.text() };
  }
  const twilioSigns = (params: Params, target = url) => getExpectedTwilioSignature(token, target, params);

  beforeAll(async () => {
    const door = statusDoor(() => ({ record: (report) => reports.record(report) }));
    runtime = await startRuntime({
      ...readConfig({ PORT: '0', CONTACT_ROUTER_NOW: '2026-11-23T22:10:00.000Z' }),
      dataDir: 'memory',
    }, () => {}, [...LOCAL_DOORS, door]);
    token = localTwilioAuthToken('memory', {});
    url = `${runtime.doorsUrl}${STATUS_PATH}`;
  });
  afterAll(() => runtime.close());
  beforeEach(() => {
    reports = new RecordingReports(new Set());
  });

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
    expect(reports.reports).toEqual([]);
  });

  it('refuses a signature Twilio gave another door (the messaging webhook) replayed here', async () => {
    const callback = statusCallback('whatsapp-failed-63014');
    const answer = await post(callback, twilioSigns(callback, `${runtime.doorsUrl}/twilio/messaging`));
    expect(answer.status).toBe(403);
    expect(reports.reports).toEqual([]);
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
    expect(reports.reports).toEqual([]);
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
    expect(reports.reports).toEqual([]);
  });

  it('refuses a repeated MessageSid even under a valid signature (which one would be recorded?)', async () => {
    const genuine: Params = statusCallback('sms-delivered');
    const twice = {
      ...genuine,
      MessageSid: [genuine.MessageSid as string, 'SM00000000000000000000000000000000'],
    };
    const answer = await post(twice, twilioSigns(twice));
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('MessageSid is repeated');
    expect(reports.reports).toEqual([]);
  });

  it('answers 413 to a body over the doors’ limit, before any signature work, recording nothing', async () => {
    // Prepare: a genuine callback padded with one huge extra parameter
    const genuine = statusCallback('sms-delivered');
    const body = `${formBody(genuine)}&Pad=${'a'.repeat(BODY_LIMITS.doors)}`;
    // Act
    const answer = await rawHttp(runtime.doorsUrl, {
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
    expect(reports.reports).toEqual([]);
  });
});
