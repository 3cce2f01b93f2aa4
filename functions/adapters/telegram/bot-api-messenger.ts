import { DependencyError } from '../../domain/errors';
import { sharePhoneLabel } from '../../domain/i18n/share-phone';
import {
  type Messenger,
  MessengerRefusal,
  type OutboundMessage,
  type SentMessage,
} from '../../domain/outbound/messenger';
import { chatIdOf } from './address';
import { botApiError } from './bot-api-errors';

/** The Bot API's own address; tests and the local runtime name a stand-in instead. */
export const TELEGRAM_API_BASE = 'https://api.telegram.org';

/** What sending through the Bot API needs. */
export interface TelegramMessengerSettings {
  /** The bot's token (Secrets Manager in AWS); re-read per send, so a rotation is picked up. */
  readonly botToken: () => Promise<string>;
  /** Another base than https://api.telegram.org (a local stand-in); scheme, host and port. */
  readonly apiBase?: string | undefined;
  readonly timeoutMs?: number | undefined;
}

interface BotApiAnswer {
  readonly ok?: boolean;
  readonly result?: { readonly message_id?: unknown };
  readonly error_code?: number;
  readonly description?: string;
  readonly parameters?: { readonly retry_after?: number };
}

/**
 * Messenger for Telegram through the Bot API's sendMessage (POST /bot<token>/sendMessage, JSON:
 * chat_id, text, reply_markup). A message asking for the guest's phone carries a one-button reply
 * keyboard whose button has request_contact (ReplyKeyboardMarkup, KeyboardButton): pressing it sends
 * the guest's own contact, which the webhook door takes as proof of the number. The token is never
 * put in an error or a log: it is in the URL's path.
 */
export class TelegramMessenger implements Messenger {
  constructor(private readonly settings: TelegramMessengerSettings) {}

  async send(message: OutboundMessage): Promise<SentMessage> {
    if (message.channel !== 'telegram')
      throw new MessengerRefusal('telegram', `the Bot API sends Telegram messages, not ${message.channel}`);
    const chatId = chatIdOf(message.to);
    if (!chatId)
      throw new MessengerRefusal('telegram', `"${message.to.slice(0, 40)}" is not a Telegram user`);
    const body = {
      chat_id: chatId,
      text: message.text,
      ...(message.askForPhone
        ? {
            reply_markup: {
              keyboard: [[{ text: sharePhoneLabel(message.language), request_contact: true }]],
              one_time_keyboard: true,
              resize_keyboard: true,
            },
          }
        : {}),
    };
    const answer = await this.call('sendMessage', body);
    const id = answer.result?.message_id;
    if (typeof id !== 'number')
      throw new DependencyError('telegram', 'sendMessage answered ok without a message_id', {
        retryable: false,
      });
    // message_id is unique within its chat only.
    return { providerMessageId: `${chatId}:${id}`, status: 'sent' };
  }

  private async call(method: string, body: unknown): Promise<BotApiAnswer> {
    const base = (this.settings.apiBase ?? TELEGRAM_API_BASE).replace(/\/$/, '');
    const token = await this.settings.botToken();
    let response: Response;
    try {
      response = await fetch(`${base}/bot${token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000),
      });
    } catch (error) {
      // Without the cause: an undici error may quote the URL, and the URL holds the token.
      throw new DependencyError('telegram', `${method}: no answer (${(error as Error).name})`);
    }
    let answer: BotApiAnswer;
    try {
      answer = (await response.json()) as BotApiAnswer;
    } catch {
      throw botApiError(method, response.status, undefined);
    }
    if (response.ok && answer.ok === true) return answer;
    throw botApiError(method, response.status, answer);
  }
}
