// One SMS or WhatsApp message's whole way out on the local runtime: deliver → the Twilio messenger
// (real twilio client) → a local stand-in for api.twilio.com → Twilio's signed status callback on the
// doors port → the outbound ledger, read back through GET /api/outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intake } from '../../functions/domain/intake/intake';
import { statusCallback } from '../support/status-callbacks';
import { createdMessage, twilioError } from '../support/twilio-api-stand-in';
import { messageTo, startTwilioRuntime, TWILIO, type TwilioRuntime } from '../support/twilio-runtime';

const NOW = '2026-11-23T22:10:00.000Z';
const SMS_SID = 'SM11111111111111111111111111111111';
const WA_SID = 'SM22222222222222222222222222222222';

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

describe('outbound SMS and WhatsApp through Twilio on the local runtime', () => {
  let t: TwilioRuntime;
  const outbox = async (id: string) =>
    ((await (await fetch(`${t.runtime.url}/api/outbox`)).json()) as Json).messages.find(
      (m: Json) => m.id === id,
    );
  const callback = (fixture: string, sid: string) => ({
    ...statusCallback(fixture),
    MessageSid: sid,
    SmsSid: sid,
  });

  beforeAll(async () => {
    t = await startTwilioRuntime(NOW);
  });
  afterAll(() => t.close());

  it('says at start-up that SMS and WhatsApp go through Twilio and where reports arrive', () => {
    expect(t.runtime.banner.join('\n')).toContain(
      'POST /twilio/status on the doors port  (Twilio status callbacks; SMS/WhatsApp sent through Twilio’s Messages API)',
    );
  });

  it('sends an agent reply by SMS and records Twilio’s delivery report on it', async () => {
    // Prepare
    t.api.answer(createdMessage(SMS_SID, '+33612345678', TWILIO.smsFrom));
    // Act
    const outcome = await t.runtime.app.outbound.deliver(messageTo('CR-7K4M2Q:reply:1'));
    const before = await outbox('CR-7K4M2Q:reply:1');
    const report = await t.postStatus(
      callback('sms-delivered', SMS_SID),
      t.sign(callback('sms-delivered', SMS_SID)),
    );
    // Assess
    expect(outcome).toEqual({ status: 'queued', providerMessageId: SMS_SID });
    expect(Object.fromEntries(t.api.received[0]?.form ?? [])).toEqual({
      To: '+33612345678',
      From: TWILIO.smsFrom,
      Body: 'Bonjour Camille, la clé est au coffre, code 4821.',
      StatusCallback: TWILIO.statusCallback,
    });
    expect(before).toMatchObject({ delivery: 'queued', providerMessageId: SMS_SID });
    expect(report.status).toBe(200);
    expect(await outbox('CR-7K4M2Q:reply:1')).toMatchObject({ delivery: 'delivered', channel: 'sms' });
  });

  it('shows a WhatsApp message Twilio could not deliver as failed, with the reason', async () => {
    // The guest wrote on WhatsApp an hour ago, so deliver lets free text go; Twilio may still refuse it.
    const wrote = await intake(t.runtime.app.intake, {
      channel: 'whatsapp',
      channelMessageId: 'SM33333333333333333333333333333333',
      from: '+33612345678',
      to: TWILIO.whatsAppFrom,
      text: 'Bonjour, où est la clé ?',
      receivedAt: '2026-11-23T21:10:00.000Z',
    });
    const caseNumber = wrote.record.caseNumber;
    t.api.answer(createdMessage(WA_SID, 'whatsapp:+33612345678', `whatsapp:${TWILIO.whatsAppFrom}`));
    await t.runtime.app.outbound.deliver({ ...messageTo('CR-7K4M2Q:reply:2', 'whatsapp'), caseNumber });
    const failed = callback('whatsapp-failed-63016', WA_SID);
    expect((await t.postStatus(failed, t.sign(failed))).status).toBe(200);
    expect(await outbox('CR-7K4M2Q:reply:2')).toMatchObject({
      delivery: 'failed',
      error: expect.stringMatching(/^63016: outside WhatsApp’s 24-hour window/),
    });
  });

  it('records a guest who unsubscribed (21610) and sends them no survey afterwards', async () => {
    // Prepare
    t.api.answer(twilioError(400, 21610, 'Attempt to send to unsubscribed recipient'));
    const sent = t.api.received.length;
    // Act
    const refused = await t.runtime.app.outbound.deliver(messageTo('CR-7K4M2Q:reply:3'));
    const survey = await t.runtime.app.outbound.deliver({
      ...messageTo('CR-7K4M2Q:survey'),
      kind: 'survey',
      automatic: true,
    });
    // Assess
    expect(refused).toMatchObject({ status: 'refused', reason: expect.stringContaining('21610') });
    expect(survey).toMatchObject({ status: 'suppressed', reason: 'opted out of sms messages' });
    expect(t.api.received.length).toBe(sent + 1);
  });
});
