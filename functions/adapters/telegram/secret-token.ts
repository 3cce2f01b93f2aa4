import { createHash, timingSafeEqual } from 'node:crypto';

/** The header Telegram sets on every webhook call to the secret_token given to setWebhook. */
export const SECRET_TOKEN_HEADER = 'x-telegram-bot-api-secret-token';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Why a webhook call is not Telegram's, or undefined when its X-Telegram-Bot-Api-Secret-Token is our
 * secret. Compared in constant time over fixed-length digests, so neither the content nor the length
 * of the secret leaks through timing (Bot API, setWebhook: "secret_token … the request will contain a
 * header X-Telegram-Bot-Api-Secret-Token with the secret token as content").
 */
export function telegramSecretRefusal(
  expected: string,
  given: string | readonly string[] | undefined,
): string | undefined {
  if (given === undefined || given === '') return 'missing X-Telegram-Bot-Api-Secret-Token';
  if (typeof given !== 'string') return 'X-Telegram-Bot-Api-Secret-Token given more than once';
  if (expected === '') return 'no webhook secret is configured';
  return timingSafeEqual(digest(expected), digest(given))
    ? undefined
    : 'wrong X-Telegram-Bot-Api-Secret-Token';
}
