import { DependencyError } from '../../domain/errors';
import { MessengerRefusal } from '../../domain/outbound/messenger';

/** What the Bot API said when a call failed (its JSON: ok false, error_code, description, parameters). */
export interface BotApiFailure {
  readonly error_code?: number;
  readonly description?: string;
  readonly parameters?: { readonly retry_after?: number };
}

/**
 * A failed Bot API call as a domain error. 403 (the guest blocked the bot, or deleted their account)
 * will never be taken: a refusal that records an opt-out. 400 (chat not found, a text Telegram
 * rejects) is a refusal too. 429 (flood control, with retry_after) and 5xx may pass later. 401 and
 * 404 mean the bot token is wrong: a deployment fault, not tried again.
 */
export function botApiError(method: string, status: number, answer: BotApiFailure | undefined): Error {
  const code = answer?.error_code ?? status;
  const said = (answer?.description ?? `HTTP ${status}`).slice(0, 200);
  const text = `${method}: ${code} ${said}`;
  if (code === 403) return new MessengerRefusal('telegram', text, { optedOut: true });
  if (code === 400) return new MessengerRefusal('telegram', text);
  if (code === 429) {
    const after = answer?.parameters?.retry_after;
    return new DependencyError('telegram', after ? `${text} (retry after ${after} s)` : text);
  }
  if (code === 401 || code === 404)
    return new DependencyError('telegram', `${text}: check the bot token`, { retryable: false });
  return new DependencyError('telegram', text, { retryable: code >= 500 || code === 0 });
}
