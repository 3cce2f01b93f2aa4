// The local runtime with its Telegram door, sending answers through the Bot API messenger to a local
// stand-in for api.telegram.org (TELEGRAM_API_BASE): a Telegram guest's whole conversation, offline.
import { readConfig } from '../../local/config';
import { TELEGRAM_PATH } from '../../local/doors/telegram-door';
import { type Runtime, startRuntime } from '../../local/runtime';
import { localTelegramWebhookSecret } from '../../local/telegram';
import { startTelegramApiStandIn, type TelegramApiStandIn } from './telegram-api-stand-in';

/** The bot token the runtime is started with. */
export const BOT_TOKEN = '7000000001:AAH-local-e2e-token_0123456789abcdef';

/** A private chat user as Telegram describes them in Message.from (Bot API, User). */
export interface TelegramUser {
  readonly id: number;
  readonly first_name: string;
  readonly language_code?: string;
}

/** A running runtime wired to a Bot API stand-in. */
export interface TelegramRuntime {
  readonly runtime: Runtime;
  readonly api: TelegramApiStandIn;
  /** Posts a raw body to the door with this secret header (none: left out). */
  post(body: string, secret: string | undefined): Promise<{ status: number; body: string }>;
  /** Posts a new private message from `user`, authenticated like Telegram, as update `updateId`. */
  write(user: TelegramUser, updateId: number, fields: Record<string, unknown>): Promise<{ status: number }>;
  close(): Promise<void>;
}

/** Starts the stand-in, then the runtime with TELEGRAM_BOT_TOKEN and TELEGRAM_API_BASE (restored on close). */
export async function startTelegramRuntime(now: string): Promise<TelegramRuntime> {
  const api = await startTelegramApiStandIn();
  const names = ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_API_BASE', 'SMTP_PORT'];
  const saved = Object.fromEntries(names.map((k) => [k, process.env[k]]));
  Object.assign(process.env, { TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_API_BASE: api.url, SMTP_PORT: '0' });
  const runtime = await startRuntime({
    ...readConfig({ PORT: '0', CONTACT_ROUTER_NOW: now }),
    dataDir: 'memory',
  });
  const secret = localTelegramWebhookSecret('memory');
  const post: TelegramRuntime['post'] = async (body, given) => {
    const response = await fetch(`${runtime.doorsUrl}${TELEGRAM_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(given === undefined ? {} : { 'x-telegram-bot-api-secret-token': given }),
      },
      body,
    });
    return { status: response.status, body: await response.text() };
  };
  let messageId = 0;
  return {
    runtime,
    api,
    post,
    write: (user, updateId, fields) =>
      post(
        JSON.stringify({
          update_id: updateId,
          message: {
            message_id: ++messageId,
            from: { ...user, is_bot: false },
            chat: { id: user.id, first_name: user.first_name, type: 'private' },
            date: Math.floor(Date.parse(now) / 1000),
            ...fields,
          },
        }),
        secret,
      ),
    async close() {
      await runtime.close();
      await api.close();
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
  };
}
