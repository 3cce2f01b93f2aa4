// A Telegram guest's whole conversation on the local runtime, through the real webhook door (secret
// token header), the intake, deliver and the Bot API messenger talking to a local stand-in for
// api.telegram.org: write → an unverified answer with the contact button → share their own contact →
// verified → an agent's reply → resolved → the survey → a digit recorded as the score.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botApiFailure } from '../support/telegram-api-stand-in';
import { startTelegramRuntime, type TelegramRuntime } from '../support/telegram-runtime';

// Monday 23 Nov 2026, 10:00 in Paris: the French team is open. Camille (+33612345678) has demo
// booking 1000000016, a stay that starts today.
const NOW = '2026-11-23T10:00:00+01:00';
const CAMILLE = { id: 5123456789, first_name: 'Camille', language_code: 'fr' } as const;

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

describe('a Telegram guest on the local runtime', () => {
  let t: TelegramRuntime;
  beforeAll(async () => {
    t = await startTelegramRuntime(NOW);
  });
  afterAll(() => t.close());

  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${t.runtime.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json };
  }
  const sent = () => t.api.calls.filter((c) => c.method === 'sendMessage');

  it('says at start-up where the door is and that answers go through the Bot API', () => {
    expect(t.runtime.banner.join('\n')).toContain(
      'telegram     POST /telegram/webhook on the doors port  (secret token this process only; answers sent through the Bot API',
    );
  });

  it('verifies by the shared contact, answers as agent, surveys and records the digit', async () => {
    // Act 1: Camille writes without naming her booking
    const first = await t.write(CAMILLE, 900001, { text: 'Bonjour, où est la clé de la chambre ?' });
    const ack = sent()[0];
    const contact1 = await t.runtime.app.cases.getContact('telegram:900001');
    const caseNumber = contact1?.caseNumber ?? '';

    // Assess 1: an answer that discloses nothing and offers the contact button
    expect(first.status).toBe(200);
    expect(contact1).toMatchObject({ from: 'telegram:5123456789', verification: 'no_booking' });
    expect(ack?.body).toMatchObject({
      chat_id: '5123456789',
      reply_markup: { keyboard: [[{ text: 'Partager mon numéro de téléphone', request_contact: true }]] },
    });
    expect(ack?.body.text).toContain(caseNumber);
    expect(ack?.body.text).not.toContain('Lumière');

    // Act 2: she presses the button: Telegram sends her own contact
    const shared = await t.write(CAMILLE, 900002, {
      contact: { phone_number: '33612345678', first_name: 'Camille', user_id: CAMILLE.id },
    });
    const contact2 = await t.runtime.app.cases.getContact('telegram:900002');
    const customer = await t.runtime.app.bookings.findCustomer('telegram:5123456789');

    // Assess 2: verified like an SMS from her phone, on the same case, the account kept on the customer
    expect(shared.status).toBe(200);
    expect(contact2).toMatchObject({ caseNumber, verification: 'sender_matches', bookingRef: '1000000016' });
    expect(customer).toMatchObject({ phones: ['+33612345678'], messengerIds: ['telegram:5123456789'] });
    expect(sent()[1]?.body.reply_markup).toBeUndefined();

    // Act 3: an agent takes the case and answers; then resolves it; Camille answers the survey
    let taken: Json | undefined;
    for (let i = 0; i < 20 && taken?.caseNumber !== caseNumber; i++)
      taken = (await call('POST', '/api/queues/fr-team/take', { agent: 'ana' })).body.case;
    const replied = await call('POST', `/api/cases/${caseNumber}/replies`, {
      agent: 'ana',
      text: 'Bonjour Camille, la clé est à la réception.',
    });
    const resolved = await call('POST', `/api/cases/${caseNumber}/resolve`, { agent: 'ana' });
    const survey = sent().at(-1);
    const answered = await t.write(CAMILLE, 900003, { text: '5' });
    const kase = (await call('GET', `/api/cases/${caseNumber}`)).body.case;

    // Assess 3
    expect(taken?.caseNumber).toBe(caseNumber);
    expect(replied.status).toBe(201);
    expect(replied.body.message).toMatchObject({ channel: 'telegram', to: 'telegram:5123456789' });
    expect(sent().some((c) => c.body.text === 'Bonjour Camille, la clé est à la réception.')).toBe(true);
    expect(resolved.body.survey).toMatchObject({
      sent: true,
      channel: 'telegram',
      to: 'telegram:5123456789',
    });
    expect(survey?.body).toMatchObject({ chat_id: '5123456789', text: expect.stringContaining(caseNumber) });
    expect(answered.status).toBe(200);
    expect(kase).toMatchObject({ status: 'resolved', satisfaction: { score: 5 } });
  });

  it('forgets the Telegram account with the guest when she asks to be erased by her phone', async () => {
    // Act: Camille (her account linked above) asks to be forgotten, by her phone number
    const erased = await fetch(`${t.runtime.url}/api/customers?phone=%2B33612345678`, { method: 'DELETE' });
    // Assess: the account's lookup is gone, its contacts anonymised, no case left under the account
    expect(erased.status).toBe(200);
    expect(await t.runtime.app.bookings.findCustomer('telegram:5123456789')).toBeUndefined();
    const first = await t.runtime.app.cases.getContact('telegram:900001');
    expect(first).toMatchObject({ from: '[erased]', text: '', reply: { to: '[erased]' } });
    expect(JSON.stringify(first)).not.toMatch(/5123456789|Camille/);
    expect(await t.runtime.app.cases.openCases('telegram:5123456789')).toEqual({ byBooking: {} });
  });

  it('records a blocked bot as a refused answer and an opt-out', async () => {
    // Prepare: the guest blocked the bot; Telegram answers 403 to our sendMessage
    const blocker = { id: 5987654321, first_name: 'Jonas', language_code: 'de' };
    t.api.fail(botApiFailure(403, 'Forbidden: bot was blocked by the user'));
    // Act
    const wrote = await t.write(blocker, 930001, { text: 'Hallo, wann ist der Check-in?' });
    const outbox = (await call('GET', '/api/outbox?limit=1000')).body.messages as Json[];
    // Assess: the message is on a case; its answer is refused with Telegram's words, never retried
    expect(wrote.status).toBe(200);
    expect(outbox.find((m) => m.id === 'telegram:930001:ack')).toMatchObject({
      delivery: 'refused',
      error: expect.stringContaining('403 Forbidden: bot was blocked by the user'),
    });
    expect(await t.runtime.app.outbound.guests.optedOut('telegram:5987654321', 'telegram')).toBe(true);
  });
});
