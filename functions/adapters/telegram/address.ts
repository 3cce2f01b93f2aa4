/** How a Telegram user is addressed past the door: `telegram:<user id>`. */
export const TELEGRAM_PREFIX = 'telegram:';

/** What guests write to on Telegram (our bot): the contact's `to`. */
export const TELEGRAM_BOT_ADDRESS = 'telegram:bot';

/** The contact address of a Telegram user. */
export function telegramAddress(userId: number): string {
  return `${TELEGRAM_PREFIX}${userId}`;
}

/**
 * The chat to answer an address in: the user's id, which is the id of their private chat with the bot
 * (Bot API, Chat.id). Undefined when the address is not a Telegram user's.
 */
export function chatIdOf(address: string): string | undefined {
  if (!address.startsWith(TELEGRAM_PREFIX)) return undefined;
  const id = address.slice(TELEGRAM_PREFIX.length);
  return /^[1-9]\d{0,15}$/.test(id) ? id : undefined;
}
