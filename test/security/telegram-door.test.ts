// Attacks on the Telegram door through the real local runtime over HTTP: calls without Telegram's
// secret token, a stranger verifying with someone else's contact, and fuzzed updates (fast-check):
// every answer is 200, 400 or 401, never a 5xx or a runtime that stops answering.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTelegramWebhookSecret } from '../../local/telegram';
import { startTelegramRuntime, type TelegramRuntime } from '../support/telegram-runtime';

const NOW = '2026-11-23T10:00:00+01:00';
const CAMILLE_ID = 5123456789;
const STRANGER = { id: 6666666666, first_name: 'Camille', language_code: 'fr' } as const;

const textUpdate = (updateId: number, from = CAMILLE_ID) =>
  JSON.stringify({
    update_id: updateId,
    message: {
      message_id: 1,
      from: { id: from, is_bot: false, first_name: 'Camille' },
      chat: { id: from, type: 'private' },
      date: 1795424400,
      text: 'Bonjour, réservation 1000000016 : à quelle heure est le check-in ?',
    },
  });

describe('the Telegram door under attack', () => {
  let t: TelegramRuntime;
  let secret: string;
  beforeAll(async () => {
    t = await startTelegramRuntime(NOW);
    secret = localTelegramWebhookSecret('memory');
  });
  afterAll(() => t.close());

  it.each([
    ['without the secret token', undefined],
    ['with a wrong secret token', 'not-the-secret'],
    ['with the secret token and one more character', 'x'],
  ])('refuses an update %s (401) and stores nothing', async (_, given) => {
    // Prepare
    const updateId = 910000 + (given?.length ?? 0);
    const calls = t.api.calls.length;
    // Act
    const answer = await t.post(textUpdate(updateId), given === 'x' ? `${secret}x` : given);
    // Assess
    expect(answer.status).toBe(401);
    expect(await t.runtime.app.cases.getContact(`telegram:${updateId}`)).toBeUndefined();
    expect(await t.runtime.app.cases.openCases(`telegram:${CAMILLE_ID}`)).toEqual({ byBooking: {} });
    expect(t.api.calls.length).toBe(calls);
  });

  it('lets no stranger verify with Camille’s contact, forwarded or sent as a card', async () => {
    // Act: the stranger names her booking, then passes her contact on twice, then asks again
    await t.write(STRANGER, 920001, { text: 'Bonjour, réservation 1000000016, le code de la porte ?' });
    const forwarded = await t.write(STRANGER, 920002, {
      forward_origin: { type: 'user', sender_user: { id: CAMILLE_ID, is_bot: false, first_name: 'Camille' } },
      contact: { phone_number: '33612345678', first_name: 'Camille', user_id: CAMILLE_ID },
    });
    const card = await t.write(STRANGER, 920003, {
      contact: { phone_number: '+33612345678', first_name: 'Camille' },
    });
    await t.write(STRANGER, 920004, { text: 'Réservation 1000000016 : le code de la porte ?' });
    const last = await t.runtime.app.cases.getContact('telegram:920004');
    const answers = t.api.calls.filter((c) => c.body.chat_id === String(STRANGER.id));

    // Assess
    expect([forwarded.status, card.status]).toEqual([200, 200]);
    expect(await t.runtime.app.bookings.findCustomer(`telegram:${STRANGER.id}`)).toBeUndefined();
    expect(last).toMatchObject({ verification: 'unverified', bookingRef: '1000000016' });
    expect(last?.customerId).toBeUndefined();
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) expect(answer.body.text).not.toMatch(/Lumière|1000000016|Camille/);
  });

  it('answers any body with 200, 400 or 401, never a 5xx, and keeps serving', async () => {
    const message = fc.record(
      {
        message_id: fc.oneof(fc.nat(), fc.string(), fc.constant(null)),
        from: fc.record(
          { id: fc.oneof(fc.integer(), fc.double()), is_bot: fc.boolean(), first_name: fc.string() },
          { requiredKeys: [] },
        ),
        chat: fc.record(
          { id: fc.integer(), type: fc.constantFrom('private', 'group', 'x') },
          { requiredKeys: [] },
        ),
        date: fc.integer(),
        text: fc.string({ maxLength: 200 }),
        photo: fc.array(fc.record({ file_id: fc.string(), width: fc.nat(), height: fc.nat() }), {
          maxLength: 3,
        }),
        contact: fc.record(
          { phone_number: fc.string({ maxLength: 20 }), first_name: fc.string(), user_id: fc.integer() },
          { requiredKeys: [] },
        ),
        location: fc.record({ latitude: fc.double(), longitude: fc.double() }),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.json({ maxDepth: 4 }),
      fc
        .record({ update_id: fc.oneof(fc.nat(), fc.integer(), fc.string()), message }, { requiredKeys: [] })
        .map((u) => JSON.stringify(u)),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (raw, signed) => {
        const answer = await t.post(raw, signed ? secret : undefined);
        expect([200, 400, 401]).toContain(answer.status);
        if (!signed) expect(answer.status).toBe(401);
      }),
      { numRuns: 150 },
    );
    expect((await fetch(`${t.runtime.url}/health`)).status).toBe(200);
  });
});
