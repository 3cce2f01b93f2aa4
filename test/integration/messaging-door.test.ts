import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twilioSignatureFor } from '../../functions/adapters/twilio/signature';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import { DependencyError } from '../../functions/domain/errors';
import { waitPhrase } from '../../functions/domain/i18n/wait';
import { retryPendingHandOffs } from '../../functions/domain/intake/hand-off';
import { parseForm } from '../../functions/handlers/http/form';
import {
  answerTwilioMessage,
  type MessagingDoorDeps,
  type MessagingLogEntry,
} from '../../functions/handlers/messaging/answer-message';
import { type IntakeHarness, startIntakeHarness } from '../support/intake-harness';
import {
  DEFAULT_SENDER as GUEST,
  inboundMessage as message,
  messagingDeps,
  signedWebhook as signed,
  WEBHOOK_URL as URL,
} from '../support/messaging-webhook';

// Monday 23 Nov 2026, 22:10 in Paris: the French team has closed for the night.
const NOW = new Date('2026-11-23T21:10:00.000Z');
const REF = makeBookingReference('400000001');

describe('messaging door over the real intake', () => {
  let h: IntakeHarness;
  let deps: MessagingDoorDeps;
  const logged: MessagingLogEntry[] = [];

  beforeAll(async () => {
    h = await startIntakeHarness(NOW);
    await h.seed([
      {
        reference: REF,
        pin: '2468',
        status: 'confirmed',
        checkIn: '2026-11-23',
        checkOut: '2026-11-25',
        propertyName: 'Hôtel Lumière Paris',
        propertyTimeZone: 'Europe/Paris',
        guestName: 'Camille Martin',
        phone: GUEST,
        email: 'camille@example.fr',
        language: 'fr',
        tier: 'gold',
      },
    ]);
    deps = messagingDeps(h, logged);
  });
  afterAll(() => h.db.stop());

  it('refuses an unsigned or wrongly signed request with 403 and stores nothing', async () => {
    const params = message({ Body: `Réservation ${REF}` });
    const unsigned = await answerTwilioMessage(deps, { url: URL, params, signature: undefined });
    const forged = await answerTwilioMessage(deps, {
      url: URL,
      params,
      signature: twilioSignatureFor('another-token', URL, params),
    });
    expect([unsigned.status, forged.status]).toEqual([403, 403]);
    expect(await h.cases.getContact(`sms:${params.MessageSid}`)).toBeUndefined();
  });

  it('answers in the guest’s language with the case number and the team’s expected response time', async () => {
    const params = message({ Body: `L'hôtel est fermé, personne à la réception ! Réservation ${REF}` });
    const answer = await answerTwilioMessage(deps, signed(params));
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^text\/xml/);
    const record = await h.cases.getContact(`sms:${params.MessageSid}`);
    expect(record?.decision.queue).toBe('global-247');
    expect(answer.body).toContain(
      `<Message>Nous avons bien reçu votre message. Votre numéro de dossier est ${record?.caseNumber}`,
    );
    // The French team is closed at this hour: the guest is told so, and who answers instead, in French.
    expect(answer.body).toContain('Notre équipe parlant français est fermée');
    expect(answer.body).toContain(
      `notre équipe parlant anglais vous répondra d'ici environ ${waitPhrase('fr', record?.decision.expectedResponseMinutes ?? 0)}`,
    );
    expect((await h.center.listQueue('global-247')).map((c) => c.contactId)).toContain(record?.id);
  });

  it('answers a redelivered MessageSid with the same TwiML and no second case or queue entry', async () => {
    const params = message({ From: '+33611111111', Body: 'Je voudrais changer mes dates' });
    const first = await answerTwilioMessage(deps, signed(params));
    const queued = (await h.center.listAll()) as Record<string, unknown[]>;
    const again = await answerTwilioMessage(deps, signed(params));
    expect(again).toEqual(first);
    expect(await h.center.listAll()).toEqual(queued);
    expect((await h.cases.listCases(100)).filter((c) => c.ownerKey === '+33611111111')).toHaveLength(1);
  });

  it('continues the open case when the same number writes again, on WhatsApp too', async () => {
    const first = message({ From: '+33622222222', Body: `Je veux annuler la réservation ${REF}` });
    const followUp = message({
      From: 'whatsapp:+33622222222',
      To: 'whatsapp:+14155238886',
      Body: 'Des nouvelles ?',
    });
    await answerTwilioMessage(deps, signed(first));
    const answer = await answerTwilioMessage(deps, signed(followUp));
    const a = await h.cases.getContact(`sms:${first.MessageSid}`);
    const b = await h.cases.getContact(`whatsapp:${followUp.MessageSid}`);
    expect(b?.caseNumber).toBe(a?.caseNumber);
    expect(answer.body).toContain(`au dossier ${a?.caseNumber}`);
    expect((await h.cases.getCase(a?.caseNumber ?? ''))?.contactCount).toBe(2);
  });

  it('shows agents a WhatsApp sender’s profile name, unless the customer record names them', async () => {
    const whatsapp = (from: string) =>
      message({
        From: `whatsapp:${from}`,
        To: 'whatsapp:+14155238886',
        ProfileName: 'Cami 🌸',
        Body: 'Bonjour',
      });
    const stranger = whatsapp('+33655555555');
    const guest = whatsapp(GUEST);
    await answerTwilioMessage(deps, signed(stranger));
    await answerTwilioMessage(deps, signed(guest));
    const queued = Object.values(await h.center.listAll()).flat();
    const nameOf = (sid: string | undefined) =>
      queued.find((q) => q.contactId === `whatsapp:${sid}`)?.customerName;
    expect(nameOf(stranger.MessageSid)).toBe('Cami 🌸');
    expect(nameOf(guest.MessageSid)).toBe('Camille Martin');
  });

  it('still records and acknowledges when the contact centre is down, and hands off once it is back', async () => {
    h.center.failWith(new Error('contact centre unreachable'));
    const params = message({ From: '+33633333333', Body: 'Ma chambre a été donnée à quelqu’un d’autre !' });
    const answer = await answerTwilioMessage(deps, signed(params));
    h.center.failWith(undefined);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<Message>');
    expect((await h.cases.getContact(`sms:${params.MessageSid}`))?.handoff).toBe('pending');

    await retryPendingHandOffs(h.center, h.cases);
    expect((await h.cases.getContact(`sms:${params.MessageSid}`))?.handoff).toBe('done');
  });

  it('answers 400 naming the field for a message without a sender, and stores nothing', async () => {
    const { From: _from, ...params } = message({ Body: 'no sender' });
    const answer = await answerTwilioMessage(deps, signed(params));
    expect(answer).toMatchObject({ status: 400, body: expect.stringMatching(/^From: missing/) });
    expect(await h.cases.getContact(`sms:${params.MessageSid}`)).toBeUndefined();
  });

  it('answers 503 when the token cannot be read, so Twilio tries the fallback URL', async () => {
    const failing: MessagingDoorDeps = {
      ...deps,
      authToken: async () => {
        throw new DependencyError('secrets-manager', 'read secret: throttled');
      },
    };
    expect((await answerTwilioMessage(failing, signed(message({})))).status).toBe(503);
  });

  it('never logs a phone number, a PIN or a message text unmasked', async () => {
    await answerTwilioMessage(
      deps,
      signed(message({ From: '+33644444444', Body: `PIN 2468 réservation ${REF}` })),
    );
    const text = JSON.stringify(logged);
    expect(logged.length).toBeGreaterThan(0);
    for (const secret of ['+33644444444', '33644444444', '2468', 'réservation', GUEST])
      expect(text).not.toContain(secret);
  });

  it('never crashes on fuzzed form bodies, signed or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.boolean(), async (body, sign) => {
        const params = parseForm(body);
        const request = sign ? signed(params) : { url: URL, params, signature: 'x' };
        const answer = await answerTwilioMessage(deps, request);
        expect([200, 400, 403]).toContain(answer.status);
      }),
      { numRuns: 100 },
    );
  });

  it('answers any well-formed message with TwiML, whatever its text and extra Twilio-style parameters', async () => {
    // One sender per run, so the per-sender reply limit never applies. Extra fields are named and filled
    // as Twilio's are; names or values that could re-split the signed identity fields are refused on
    // purpose (test/unit/handlers/twilio-resplit.test.ts), so they are not "well-formed" here.
    const unguarded = (s: string) => !/From|To|Sid/.test(s);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.dictionary(
          fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,11}$/).filter(unguarded),
          fc.string({ maxLength: 40 }).filter(unguarded),
          { maxKeys: 5 },
        ),
        async (text, extra) => {
          run += 1;
          const params = {
            ...extra,
            ...message({ From: `+3367${String(run).padStart(7, '0')}`, Body: text }),
          };
          const answer = await answerTwilioMessage(deps, signed(params));
          expect(answer.status).toBe(200);
          expect(answer.body).toMatch(/<Response><Message>[^<]+<\/Message><\/Response>$/);
        },
      ),
      { numRuns: 60 },
    );
  });
});
