import { telegramSecretRefusal } from '../../adapters/telegram/secret-token';
import { readTelegramUpdate } from '../../adapters/telegram/update';
import { DependencyError, ValidationError } from '../../domain/errors';
import type { IntakeResult } from '../../domain/intake/intake';
import type { PhoneLink } from '../../domain/messaging/proven-phone';
import type { MessageDeps } from '../../domain/messaging/receive-message';
import { receiveMessengerMessage } from '../../domain/messaging/receive-messenger';
import { maskPhone } from '../../shared/mask';

/** Telegram updates are a few kilobytes; anything far larger is not one. */
export const MAX_UPDATE_BYTES = 256 * 1024;

/** What one webhook call is worth logging: update id, outcome, masked sender; never text or numbers. */
export interface TelegramLogEntry {
  readonly outcome: IntakeResult['outcome'] | 'ignored' | 'unauthorized' | 'invalid' | 'unavailable';
  readonly updateId?: number | undefined;
  readonly from?: string | undefined;
  readonly caseNumber?: string | undefined;
  readonly queue?: string | undefined;
  readonly priority?: number | undefined;
  readonly phoneLink?: PhoneLink | undefined;
  /** How the answer went (sent, suppressed, refused… with the reason). */
  readonly reply?: string | undefined;
  readonly error?: string | undefined;
}

/** What answering Telegram's webhook needs: the messaging intake and deliver, and the webhook secret. */
export interface TelegramDoorDeps extends MessageDeps {
  /** The secret_token given to setWebhook (Secrets Manager in AWS, a local file or env var locally). */
  webhookSecret(): Promise<string>;
  log?(entry: TelegramLogEntry): void;
}

/** One webhook call as the door reads it, from API Gateway or the local listener alike. */
export interface TelegramRequest {
  readonly secretToken: string | readonly string[] | undefined;
  readonly body: string | undefined;
}

/** The door's HTTP answer: Telegram only looks at the status (2xx, or it tries again later). */
export interface TelegramAnswer {
  readonly status: 200 | 400 | 401 | 503;
  readonly body: string;
}

const masked = (address: string) => `telegram:${maskPhone(address.replace(/^telegram:/, ''))}`;

function parseJson(body: string | undefined): unknown {
  if (body === undefined || body === '')
    throw new ValidationError('body', 'empty: expected a Bot API Update');
  if (Buffer.byteLength(body, 'utf8') > MAX_UPDATE_BYTES)
    throw new ValidationError('body', `larger than ${MAX_UPDATE_BYTES} bytes: not a Bot API Update`);
  try {
    return JSON.parse(body);
  } catch {
    throw new ValidationError('body', 'not JSON: expected a Bot API Update');
  }
}

/**
 * Answers Telegram's webhook (POST /telegram/webhook). A missing or wrong X-Telegram-Bot-Api-Secret-Token
 * is 401 before the body is read or anything stored. A body that is no Update is 400 naming the field.
 * Anything but a new private message is 200 and ignored (no case). A message goes through the intake
 * once per update_id (a redelivery answers 200 and sends nothing again); its answer goes out through
 * deliver and the Bot API, not in this response. A store that cannot be reached is 503: Telegram
 * delivers the update again later.
 */
export async function answerTelegramUpdate(
  deps: TelegramDoorDeps,
  request: TelegramRequest,
): Promise<TelegramAnswer> {
  const log = deps.log ?? (() => {});
  try {
    const refusal = telegramSecretRefusal(await deps.webhookSecret(), request.secretToken);
    if (refusal) {
      log({ outcome: 'unauthorized', error: refusal });
      return { status: 401, body: refusal };
    }
    const update = readTelegramUpdate(parseJson(request.body), deps.intake.clock.now().toISOString());
    if (update.kind === 'ignored') {
      log({ outcome: 'ignored', updateId: update.updateId, error: update.reason });
      return { status: 200, body: `ignored: ${update.reason}` };
    }
    const { result, delivery, phoneLink } = await receiveMessengerMessage(deps, update);
    const { record } = result;
    log({
      outcome: result.outcome,
      updateId: update.updateId,
      from: masked(update.contact.from),
      caseNumber: record.caseNumber,
      queue: record.decision.queue,
      priority: record.decision.priority,
      phoneLink,
      reply: delivery
        ? [delivery.status, delivery.reason].filter(Boolean).join(': ')
        : record.reply?.reason && `none: ${record.reply.reason}`,
    });
    return { status: 200, body: result.outcome };
  } catch (error) {
    if (error instanceof ValidationError) {
      log({ outcome: 'invalid', error: error.message });
      return { status: 400, body: error.message };
    }
    if (error instanceof DependencyError) {
      log({ outcome: 'unavailable', error: error.message });
      return { status: 503, body: 'temporarily unavailable, please retry' };
    }
    throw error;
  }
}
