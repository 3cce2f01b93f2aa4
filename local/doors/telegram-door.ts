import { TelegramMessenger } from '../../functions/adapters/telegram/bot-api-messenger';
import { SECRET_TOKEN_HEADER } from '../../functions/adapters/telegram/secret-token';
import { answerTelegramUpdate } from '../../functions/handlers/telegram/answer-update';
import { localTelegramWebhookSecret, telegramSecretFile } from '../telegram';
import type { LocalDoor } from './door';

/** Path of the local Telegram webhook (the same path as in AWS). */
export const TELEGRAM_PATH = '/telegram/webhook';

/**
 * Telegram's Bot API webhook, served locally at POST /telegram/webhook on the doors port with the real
 * secret-token check; answers go out through deliver (the Bot API with TELEGRAM_BOT_TOKEN, else the outbox).
 */
export const telegramDoor: LocalDoor = {
  name: 'telegram',
  publicRoutes(app, config) {
    const secret = localTelegramWebhookSecret(config.dataDir);
    return [
      [
        'POST',
        TELEGRAM_PATH,
        async (req) => {
          const answer = await answerTelegramUpdate(
            {
              intake: app.intake,
              deliver: app.outbound.deliver,
              guests: app.outbound.guests,
              webhookSecret: async () => secret,
            },
            { secretToken: req.headers[SECRET_TOKEN_HEADER], body: await req.text() },
          );
          return {
            status: answer.status,
            body: answer.body,
            headers: { 'content-type': 'text/plain; charset=utf-8' },
          };
        },
      ],
    ];
  },
  async start(app, config) {
    const where = process.env.TELEGRAM_WEBHOOK_SECRET?.trim()
      ? 'from TELEGRAM_WEBHOOK_SECRET'
      : config.dataDir === 'memory'
        ? 'this process only'
        : `in ${telegramSecretFile(config.dataDir)}`;
    const sending =
      app.messengers.telegram instanceof TelegramMessenger
        ? 'answers sent through the Bot API'
        : 'answers kept in the outbox: set TELEGRAM_BOT_TOKEN to send';
    return {
      banner: [
        `telegram     POST ${TELEGRAM_PATH} on the doors port  (secret token ${where}; ${sending}; npm run telegram -- --from 123456789 --text "…")`,
      ],
      close: async () => {},
    };
  },
};
