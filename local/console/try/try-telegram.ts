import { DependencyError, ValidationError } from '../../../functions/domain/errors';
import { textSent } from '../../../functions/handlers/agent/outbound-view';
import type { LocalApp } from '../../app';
import { TELEGRAM_PATH } from '../../doors/telegram-door';
import { newUpdateId, telegramUpdateJson } from '../../telegram-update';
import type { TryResult } from './try-body';

/** A Telegram message typed in the panel: who writes, in which app language, and what. */
export interface TelegramTry {
  readonly userId: number;
  readonly firstName: string;
  readonly language?: string | undefined;
  readonly text?: string | undefined;
  /** Presses the contact button: shares this phone as the guest's own contact. */
  readonly sharePhone?: string | undefined;
}

/**
 * Posts the message to the real Telegram door over HTTP with the runtime's webhook secret, as Telegram
 * would, then reads what the intake stored for it and what the guest got back through deliver.
 */
export async function tryThroughTelegramDoor(
  app: LocalApp,
  access: { readonly localUrl: string; readonly secret: string },
  message: TelegramTry,
): Promise<TryResult> {
  const updateId = newUpdateId();
  const response = await fetch(`${access.localUrl}${TELEGRAM_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': access.secret },
    body: telegramUpdateJson(
      { id: message.userId, firstName: message.firstName, languageCode: message.language },
      { text: message.text, sharePhone: message.sharePhone },
      updateId,
      app.clock.now(),
    ),
  });
  const said = await response.text();
  if (response.status === 400) throw new ValidationError('', said);
  if (!response.ok)
    throw new DependencyError('telegram-door', `answered ${response.status}: ${said.slice(0, 300)}`);
  const record = await app.cases.getContact(`telegram:${updateId}`);
  const proven = message.sharePhone ? `; shared contact: ${record?.verification ?? 'not recorded'}` : '';
  return {
    door: 'telegram',
    via: `POST ${TELEGRAM_PATH}, with the webhook’s X-Telegram-Bot-Api-Secret-Token`,
    note: `${said}${proven}`,
    contactId: record?.id,
    caseNumber: record?.caseNumber,
    queue: record?.decision.queue,
    priority: record?.decision.priority,
    reply: await textSent(app.outbound.ledger, record?.reply?.messageId),
  };
}
