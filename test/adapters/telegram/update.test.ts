// Bot API updates read into contacts. Two sources:
// - test/fixtures/events/telegram/*.json, written for this project from Telegram's Bot API reference
//   (https://core.telegram.org/bots/api: Update, Message, User, Chat, PhotoSize, Document, Location,
//   Contact, CallbackQuery, MessageOrigin), field names and types as documented there; ids and texts
//   are ours. No published sample has a contact whose user_id is the sender's (see
//   /work/shared/fixtures/MANIFEST.md), so own-contact.json is written the same way.
// - Updates recorded in nutgram/nutgram's test suite (MIT), read in place from ../shared/fixtures
//   (FIXTURES_DIR overrides the folder), never copied.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTelegramUpdate } from '../../../functions/adapters/telegram/update';
import { ValidationError } from '../../../functions/domain/errors';

const AT = '2026-11-23T09:00:30.000Z';
const SHARED = `${process.env.FIXTURES_DIR ?? '../shared/fixtures'}/events`;

const ours = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../fixtures/events/telegram/${name}.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
const recorded = (name: string) =>
  JSON.parse(readFileSync(`${SHARED}/nutgram-${name}.json`, 'utf8')) as Record<string, unknown>;

describe('reading Telegram updates', () => {
  it('reads a private text message as a contact from telegram:<user id>, with its language hint', () => {
    // Act
    const update = readTelegramUpdate(ours('text-message'), AT);
    // Assess
    expect(update).toEqual({
      kind: 'message',
      updateId: 874512301,
      contact: {
        channel: 'telegram',
        channelMessageId: '874512301',
        from: 'telegram:5123456789',
        to: 'telegram:bot',
        text: 'Bonjour, où est la clé de la chambre ?',
        languageHint: 'fr',
        attachments: undefined,
        senderName: 'Camille Martin',
        receivedAt: AT,
      },
      provenPhone: undefined,
      truncated: false,
    });
  });

  it('keeps a photo as the file id of its largest size, with the caption as text', () => {
    const update = readTelegramUpdate(ours('photo-caption'), AT);
    expect(update).toMatchObject({
      kind: 'message',
      contact: {
        text: 'La porte de la chambre 12 ne ferme pas',
        attachments: ['telegram-file:AgACAgQAAxkBAAMMZ1largeAAHkz'],
      },
    });
  });

  it('picks the largest photo of a recorded update whose sizes come in no order', () => {
    const update = readTelegramUpdate(recorded('photo'), AT);
    expect(update).toMatchObject({
      kind: 'message',
      contact: { from: 'telegram:11111111', text: 'asdasdasdasdasdasd', attachments: ['telegram-file:SAAS'] },
    });
  });

  it('keeps a document and a location as references, never their content', () => {
    expect(readTelegramUpdate(ours('document'), AT)).toMatchObject({
      contact: { text: 'Ma facture', attachments: ['telegram-file:BQACAgQAAxkBAAMNZ1docAAHkz'] },
    });
    expect(readTelegramUpdate(ours('location'), AT)).toMatchObject({
      contact: { text: '', attachments: ['geo:48.858844,2.294351'] },
    });
  });

  it('takes the sender’s own shared contact as a proven phone, in E.164', () => {
    const update = readTelegramUpdate(ours('own-contact'), AT);
    expect(update).toMatchObject({
      kind: 'message',
      provenPhone: '+33612345678',
      contact: { from: 'telegram:5123456789', attachments: ['tel:+33612345678'] },
    });
  });

  it('proves nothing with someone else’s contact, a forwarded one, or a recorded card without user_id', () => {
    const elses = readTelegramUpdate(ours('someone-elses-contact'), AT);
    const forwarded = readTelegramUpdate(ours('forwarded-contact'), AT);
    const recordedCard = readTelegramUpdate(recorded('contact'), AT);
    expect(elses).toMatchObject({ kind: 'message', provenPhone: undefined });
    expect(forwarded).toMatchObject({ kind: 'message', provenPhone: undefined });
    // "911" is no full number: nothing to keep, nothing proven, so no contact is made of it.
    expect(recordedCard).toMatchObject({ kind: 'ignored', updateId: 123456789 });
  });

  it('proves nothing when a forwarded message carries the sender’s own id', () => {
    const update = ours('own-contact');
    const message = structuredClone(update.message) as Record<string, unknown>;
    message.forward_origin = { type: 'hidden_user', sender_user_name: 'Camille', date: 1795420000 };
    expect(readTelegramUpdate({ ...update, message }, AT)).toMatchObject({ provenPhone: undefined });
  });

  it.each([
    ['edited-message', 'not a new message (edited_message)'],
    ['callback-query', 'not a new message (callback_query)'],
    ['channel-post', 'not a new message (channel_post)'],
    ['group-message', 'a group chat'],
    ['sticker', 'nothing to read (a sticker, a poll…)'],
  ])('acknowledges and ignores %s', (name, reason) => {
    expect(readTelegramUpdate(ours(name), AT)).toMatchObject({ kind: 'ignored', reason });
  });

  it.each(['edited_message', 'callback_query'])('ignores the recorded %s update', (name) => {
    expect(readTelegramUpdate(recorded(name), AT)).toMatchObject({ kind: 'ignored' });
  });

  it('reads the recorded private text message with its Italian language hint', () => {
    expect(readTelegramUpdate(recorded('text'), AT)).toMatchObject({
      kind: 'message',
      updateId: 123456789,
      contact: {
        from: 'telegram:12345678',
        text: 'aaaaaaaaaa',
        languageHint: 'it',
        senderName: 'Mario Bros',
      },
    });
  });

  it('refuses a body that is no update, naming the field', () => {
    expect(() => readTelegramUpdate({ message: {} }, AT)).toThrow(ValidationError);
    expect(() => readTelegramUpdate({ message: {} }, AT)).toThrow(/^update\.update_id:/);
    const broken = { update_id: 1, message: { message_id: 'x', chat: { id: 1, type: 'private' }, date: 1 } };
    expect(() => readTelegramUpdate(broken, AT)).toThrow(/^message\.message_id:/);
  });

  it('cuts a text longer than the intake keeps and says so', () => {
    const update = ours('text-message');
    const message = { ...(update.message as object), text: 'x'.repeat(9000) };
    const read = readTelegramUpdate({ ...update, message }, AT);
    expect(read).toMatchObject({ kind: 'message', truncated: true });
    expect(read.kind === 'message' && read.contact.text.length).toBe(8000);
  });
});
