// The Bot API messenger against a local node:http server standing in for api.telegram.org: the
// sendMessage call as the Bot API reference describes it (JSON chat_id, text, reply_markup with a
// KeyboardButton request_contact) and each documented failure as the error deliver acts on.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TelegramMessenger } from '../../../functions/adapters/telegram/bot-api-messenger';
import { DependencyError } from '../../../functions/domain/errors';
import { MessengerRefusal, type OutboundMessage } from '../../../functions/domain/outbound/messenger';
import {
  botApiFailure,
  startTelegramApiStandIn,
  type TelegramApiStandIn,
} from '../../support/telegram-api-stand-in';

const TOKEN = '7000000001:AAH-local-test-token_0123456789abcdef';

const message: OutboundMessage = {
  id: 'telegram:874512301:ack',
  kind: 'acknowledgement',
  caseNumber: 'CR-7K4M2Q',
  channel: 'telegram',
  to: 'telegram:5123456789',
  language: 'fr',
  text: 'Bonjour, votre dossier est CR-7K4M2Q.',
  automatic: true,
  createdAt: '2026-11-23T09:00:30.000Z',
};

describe('the Telegram Bot API messenger', () => {
  let api: TelegramApiStandIn;
  let messenger: TelegramMessenger;
  beforeAll(async () => {
    api = await startTelegramApiStandIn();
    messenger = new TelegramMessenger({ botToken: async () => TOKEN, apiBase: api.url, timeoutMs: 2000 });
  });
  beforeEach(() => {
    api.calls.length = 0;
  });
  afterAll(() => api.close());

  it('sends the text to the user’s private chat and keeps chat and message id', async () => {
    // Act
    const sent = await messenger.send(message);
    // Assess
    expect(api.calls).toEqual([
      {
        token: TOKEN,
        method: 'sendMessage',
        contentType: 'application/json',
        body: { chat_id: '5123456789', text: 'Bonjour, votre dossier est CR-7K4M2Q.' },
      },
    ]);
    expect(sent).toEqual({ providerMessageId: expect.stringMatching(/^5123456789:\d+$/), status: 'sent' });
  });

  it('asks for the phone with a one-time contact button labelled in the guest’s language', async () => {
    await messenger.send({ ...message, askForPhone: true });
    expect(api.calls[0]?.body.reply_markup).toEqual({
      keyboard: [[{ text: 'Partager mon numéro de téléphone', request_contact: true }]],
      one_time_keyboard: true,
      resize_keyboard: true,
    });
  });

  it('takes a blocked bot (403) as a refusal that records an opt-out', async () => {
    api.fail(botApiFailure(403, 'Forbidden: bot was blocked by the user'));
    const error = await messenger.send(message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessengerRefusal);
    expect(error).toMatchObject({
      optedOut: true,
      message: 'telegram: sendMessage: 403 Forbidden: bot was blocked by the user',
    });
  });

  it('refuses a chat Telegram does not know (400) without an opt-out', async () => {
    api.fail(botApiFailure(400, 'Bad Request: chat not found'));
    const error = await messenger.send(message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessengerRefusal);
    expect(error).toMatchObject({ optedOut: false });
  });

  it('leaves flood control (429) and Telegram’s own failures retryable', async () => {
    api.fail(botApiFailure(429, 'Too Many Requests: retry after 7', 7), botApiFailure(502, 'Bad Gateway'));
    const flood = await messenger.send(message).catch((e: unknown) => e);
    const gateway = await messenger.send(message).catch((e: unknown) => e);
    expect(flood).toBeInstanceOf(DependencyError);
    expect(flood).not.toBeInstanceOf(MessengerRefusal);
    expect(flood).toMatchObject({ retryable: true, message: expect.stringContaining('retry after 7 s') });
    expect(gateway).toMatchObject({ retryable: true });
  });

  it('fails for good on a wrong token (401) and never quotes the token', async () => {
    api.fail(botApiFailure(401, 'Unauthorized'));
    const error = (await messenger.send(message).catch((e: unknown) => e)) as DependencyError;
    expect(error).toMatchObject({ retryable: false });
    expect(error.message).toContain('check the bot token');
    expect(error.message).not.toContain(TOKEN);
  });

  it('says so, without the URL, when nothing answers', async () => {
    const nowhere = new TelegramMessenger({ botToken: async () => TOKEN, apiBase: 'http://127.0.0.1:9' });
    const error = (await nowhere.send(message).catch((e: unknown) => e)) as DependencyError;
    expect(error).toBeInstanceOf(DependencyError);
    expect(error.retryable).toBe(true);
    expect(error.message).not.toContain(TOKEN);
  });

  it('refuses an address that is not a Telegram user, sending nothing', async () => {
    const error = await messenger.send({ ...message, to: '+33612345678' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessengerRefusal);
    expect(api.calls).toHaveLength(0);
  });
});
