// Twilio's message status callbacks through the local runtime's doors port, signed by the twilio
// library as Twilio's servers sign them. The door's own behaviour, so reports go to a recording
// DeliveryReports in place of the ledger (test/e2e/twilio-outbound.test.ts runs it with the ledger).
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StatusLogEntry } from '../../functions/handlers/messaging/answer-status';
import { readConfig } from '../../local/config';
import { LOCAL_DOORS } from '../../local/doors';
import { STATUS_PATH, statusDoor } from '../../local/doors/status-door';
import { type Runtime, startRuntime } from '../../local/runtime';
import { localTwilioAuthToken } from '../../local/twilio-token';
import { formBody, RecordingReports, statusCallback } from '../support/status-callbacks';

const NOW = '2026-11-23T22:10:00.000Z';
const KNOWN = new Set(
  ['sms-sent', 'sms-delivered', 'sms-undelivered-30003', 'whatsapp-read', 'whatsapp-failed-63016'].map(
    (name) => statusCallback(name).MessageSid ?? '',
  ),
);

describe('status callback door on the local runtime', () => {
  let runtime: Runtime;
  let url: string;
  let token: string;
  let reports: RecordingReports;
  const logged: StatusLogEntry[] = [];

  async function post(params: Record<string, string>) {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': getExpectedTwilioSignature(token, url, params),
      },
      body: formBody(params),
    });
    return { status: response.status, body: await response.text() };
  }

  beforeAll(async () => {
    // Each test starts with a fresh recording (beforeEach); the door is built once, at start-up.
    const door = statusDoor(
      () => ({ record: (report) => reports.record(report) }),
      (entry) => logged.push(entry),
    );
    runtime = await startRuntime({
      ...readConfig({ PORT: '0', CONTACT_ROUTER_NOW: NOW }),
      dataDir: 'memory',
    }, () => {}, [...LOCAL_DOORS.filter((d) => d.name !== door.name), door]);
    token = localTwilioAuthToken('memory', {});
    url = `${runtime.doorsUrl}${STATUS_PATH}`;
  });
  afterAll(() => runtime.close());
  beforeEach(() => {
    reports = new RecordingReports(KNOWN);
    logged.length = 0;
  });

  it('records sent, delivered, read and failed reports with Twilio’s error, at the runtime’s time', async () => {
    // Act
    const answers = await Promise.all(
      ['sms-sent', 'sms-delivered', 'whatsapp-read', 'sms-undelivered-30003', 'whatsapp-failed-63016'].map(
        (name) => post(statusCallback(name)),
      ),
    );
    // Assess
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const byStatus = Object.fromEntries(
      reports.reports.map((r) => [`${r.providerMessageId}:${r.status}`, r]),
    );
    expect(byStatus[`${statusCallback('sms-delivered').MessageSid}:delivered`]).toEqual({
      providerMessageId: statusCallback('sms-delivered').MessageSid,
      status: 'delivered',
      at: expect.stringMatching(/^2026-11-23T22:1/),
    });
    expect(byStatus[`${statusCallback('whatsapp-read').MessageSid}:read`]).toMatchObject({ status: 'read' });
    expect(byStatus[`${statusCallback('sms-undelivered-30003').MessageSid}:undelivered`]).toMatchObject({
      error: '30003: unreachable destination handset',
    });
    expect(byStatus[`${statusCallback('whatsapp-failed-63016').MessageSid}:failed`]).toMatchObject({
      error: expect.stringMatching(/^63016: outside WhatsApp’s 24-hour window/),
    });
    expect(reports.reports.every((r) => r.optedOut === undefined)).toBe(true);
    expect(logged.map((e) => e.outcome)).toEqual([
      'recorded',
      'recorded',
      'recorded',
      'recorded',
      'recorded',
    ]);
  });

  it('reports a guest who blocked us on WhatsApp (63014) as opted out', async () => {
    const answer = await post(statusCallback('whatsapp-failed-63014'));
    expect(answer.status).toBe(200);
    expect(reports.reports).toEqual([expect.objectContaining({ status: 'failed', optedOut: true })]);
    // The message is not ours (not in the ledger): answered 200 all the same, and logged.
    expect(logged).toEqual([expect.objectContaining({ outcome: 'unknown', status: 'failed' })]);
  });

  it('answers 200 to statuses it does not record, records nothing and logs why', async () => {
    const sending = { ...statusCallback('sms-sent'), MessageStatus: 'sending', SmsStatus: 'sending' };
    const invented = { ...statusCallback('sms-sent'), MessageStatus: 'teleported', SmsStatus: 'teleported' };
    expect((await post(sending)).status).toBe(200);
    expect((await post(invented)).status).toBe(200);
    expect(reports.reports).toEqual([]);
    expect(logged).toEqual([
      expect.objectContaining({ outcome: 'ignored', error: 'status "sending" is not one we record' }),
      expect.objectContaining({ outcome: 'ignored', error: 'status "teleported" is not one we record' }),
    ]);
  });

  it('answers 400 naming the field to a signed callback without a message SID or status', async () => {
    const { MessageSid, SmsSid, ...noSid } = statusCallback('sms-sent');
    const { MessageStatus, SmsStatus, ...noStatus } = statusCallback('sms-sent');
    const disagree = { ...statusCallback('sms-sent'), SmsStatus: 'delivered' };
    expect(await post(noSid)).toEqual({ status: 400, body: 'MessageSid: required' });
    expect(await post(noStatus)).toEqual({ status: 400, body: 'MessageStatus: required' });
    expect((await post(disagree)).status).toBe(400);
    expect(reports.reports).toEqual([]);
  });
});
