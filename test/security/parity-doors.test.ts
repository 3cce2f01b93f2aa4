// A stranger naming a real booking (platinum, in stay), a locked one, or one that does not exist gets
// byte-identical answers (apart from case numbers) and the same queue and priority, through the local
// runtime's real doors: signed Twilio SMS, SMTP email, signed Twilio Voice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import { MAX_PIN_FAILURES, PIN_LOCK_MINUTES } from '../../functions/domain/intake/verify';
import { readConfig } from '../../local/config';
import { emailDoorAddress } from '../../local/doors/email-door';
import { type Runtime, startRuntime } from '../../local/runtime';
import { localTwilioAuthToken } from '../../local/twilio-token';
import { actionOf, postSignedForm, runtimeVoiceDoor, toPinStep, type VoicePost } from './voice-doors';

// Monday 23 Nov 2026, 11:00 in Paris: the teams are open.
const NOW = '2026-11-23T10:00:00.000Z';
/** Jonas: platinum, in stay since yesterday (the booking a queue-jumper would quote). */
const REAL = makeBookingReference('100000002');
/** Camille: gold, checking in today; locked by five wrong PINs before the test. */
const LOCKED = makeBookingReference('100000001');
const UNKNOWN = makeBookingReference('199999999');
const CAMILLE_PHONE = '+33612345678';

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

/**
 * An answer with its case number taken out: plain, spelled out for speech, in a URL, or in the email's
 * signed case reference (`[ref:CR-…. signature]`, made from the case number).
 */
const withoutCase = (text: string) =>
  text.replace(/CR-[0-9A-Z]{6}(\.[0-9a-z]+)?/g, 'CR-######').replace(/C R( [0-9A-Z]){6}/g, 'C R ######');

describe('parity of real, locked and unknown bookings at the local runtime doors', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'contact-router-parity-'));
  const saved = process.env.SMTP_PORT;
  let runtime: Runtime;
  let token: string;
  let smtp: Transporter;
  let sids = 0;

  const api = async (path: string) => (await (await fetch(`${runtime.url}${path}`)).json()) as Json;
  const routing = async (caseNumber: string) => {
    const { case: kase } = await api(`/api/cases/${caseNumber}`);
    return { queue: kase.queue, priority: kase.priority };
  };

  async function sms(from: string, body: string) {
    const url = `${runtime.doorsUrl}/twilio/messaging`;
    sids++;
    const params = {
      MessageSid: `SM${sids.toString(16).padStart(32, '0')}`,
      From: from,
      To: '+447700900000',
      Body: body,
      NumMedia: '0',
    };
    const { body: twiml } = await postSignedForm(token, url, params);
    return { twiml, caseNumber: /CR-[0-9A-Z]{6}/.exec(twiml)?.[0] ?? '' };
  }

  beforeAll(async () => {
    process.env.SMTP_PORT = '0';
    runtime = await startRuntime(readConfig({ PORT: '0', DATA_DIR: dataDir, CONTACT_ROUTER_NOW: NOW }));
    token = localTwilioAuthToken(dataDir, {});
    const door = emailDoorAddress(runtime.banner);
    if (!door) throw new Error(`no email door in the banner: ${runtime.banner.join(' | ')}`);
    smtp = nodemailer.createTransport({ host: '127.0.0.1', port: door.port, secure: false, ignoreTLS: true });
    // Prepare: five wrong PINs claimed on Camille's booking, as a guesser leaves it
    const limits = { maxFailures: MAX_PIN_FAILURES, lockMinutes: PIN_LOCK_MINUTES };
    for (let i = 0; i < MAX_PIN_FAILURES; i++)
      await runtime.app.bookings.claimPinAttempt(LOCKED, runtime.app.clock.now(), limits);
  });
  afterAll(async () => {
    smtp.close();
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.SMTP_PORT;
    else process.env.SMTP_PORT = saved;
  });

  it('answers an SMS naming a real, a locked or an unknown booking word for word alike, at one priority', async () => {
    // Act: three strangers quote a booking; a fourth quotes none
    const real = await sms('+15550100001', `Is my room ready? Booking ${REAL}`);
    const locked = await sms('+15550100002', `Is my room ready? Booking ${LOCKED}`);
    const unknown = await sms('+15550100003', `Is my room ready? Booking ${UNKNOWN}`);
    const none = await sms('+15550100004', 'Is my room ready?');

    // Assess
    expect(withoutCase(real.twiml)).toBe(withoutCase(unknown.twiml));
    expect(withoutCase(locked.twiml)).toBe(withoutCase(unknown.twiml));
    expect(real.twiml).not.toMatch(/Alpenhof|paused|PIN/);
    const plain = await routing(none.caseNumber);
    for (const answer of [real, locked, unknown]) expect(await routing(answer.caseNumber)).toEqual(plain);
  });

  it('still answers the locked booking’s own guest, writing from its phone, with its status and priority', async () => {
    // Act
    const owner = await sms(CAMILLE_PHONE, `Ma chambre est-elle prête ? Réservation ${LOCKED}`);
    const stranger = await sms('+15550100005', `Ma chambre est-elle prête ? Réservation ${LOCKED}`);

    // Assess
    expect(owner.twiml).toContain('Hôtel Lumière Paris');
    expect((await routing(owner.caseNumber)).priority).toBeLessThan(
      (await routing(stranger.caseNumber)).priority,
    );
  });

  it('acknowledges an email naming a real, a locked or an unknown booking word for word alike, at one priority', async () => {
    // Act
    const send = async (from: string, reference: string) => {
      const response = String(
        (
          await smtp.sendMail({
            from,
            to: 'support@contact-router.local',
            subject: 'Late arrival',
            text: `Hello, we arrive after midnight, is that fine? Booking ${reference}.`,
          })
        ).response,
      );
      return /case (CR-[0-9A-Z]{6})/.exec(response)?.[1] ?? '';
    };
    const cases = [
      await send('eve.one@attacker.example', REAL),
      await send('eve.two@attacker.example', LOCKED),
      await send('eve.three@attacker.example', UNKNOWN),
    ];
    const outbox = (await api('/api/outbox')).messages as Json[];
    const replies = cases.map((caseNumber) => outbox.find((m) => m.caseNumber === caseNumber));

    // Assess
    const [real, locked, unknown] = replies.map((r) => withoutCase(`${r?.subject}\n${r?.text}`));
    expect(real).toBe(unknown);
    expect(locked).toBe(unknown);
    expect(unknown).toContain('Late arrival');
    const routes = await Promise.all(cases.map(routing));
    expect(routes[0]).toEqual(routes[2]);
    expect(routes[1]).toEqual(routes[2]);
  });

  describe('Twilio Voice', () => {
    let post: VoicePost;
    let calls = 0;
    beforeAll(() => {
      post = runtimeVoiceDoor(token);
    });

    /** A call on the UK line: the booking number, then `pins` (empty = silence) until it is queued. */
    async function call(reference: string, pins: readonly string[]) {
      calls++;
      const params = { CallSid: `CAparity${calls}`, From: `+1555020000${calls}`, To: '+442079460100' };
      let url = await toPinStep(post, params, reference, `${runtime.doorsUrl}/twilio/voice`);
      const heard: string[] = [];
      for (const pin of pins) {
        const answer = await post(url, { ...params, Digits: pin });
        // What is left to differ is the caller's own input (the booking number they typed, echoed in
        // the next URL), their call's id, and the moment it was queued.
        heard.push(
          answer.body
            .replaceAll(reference, '##########')
            .replaceAll(params.CallSid, 'CA…')
            .replace(/queuedAt=[^&"]+/, 'queuedAt=…'),
        );
        url = actionOf(answer.body);
      }
      return heard.map(withoutCase);
    }

    it.each([
      ['three wrong PINs', ['0000', '0001', '0002']],
      ['silence at the PIN', ['', '', '']],
    ])('answers %s on a real, a locked or an unknown booking with the same TwiML', async (_what, pins) => {
      // Act
      const real = await call(REAL, pins);
      const locked = await call(LOCKED, pins);
      const unknown = await call(UNKNOWN, pins);

      // Assess: every TwiML answer alike, down to the <Enqueue> task's priority and the spoken wait
      expect(real).toEqual(unknown);
      expect(locked).toEqual(unknown);
      expect(unknown.at(-1)).toContain('<Enqueue');
    });
  });
});
