import { randomInt } from 'node:crypto';

/** A Telegram user writing to the bot, as the local tools pretend to be one. */
export interface LocalTelegramGuest {
  /** The user's id, which is also their private chat's id. */
  readonly id: number;
  readonly firstName: string;
  /** The user's app language (IETF tag, e.g. "fr"): the door's language hint. */
  readonly languageCode?: string | undefined;
}

/** What the guest sends: a text, and/or their own contact (as the contact button sends it). */
export interface LocalTelegramMessage {
  readonly text?: string | undefined;
  /** Shares this phone as the guest's own contact (user_id = their id), as the contact button does. */
  readonly sharePhone?: string | undefined;
}

/** An update id for a local update: random, so restarts of the tools never repeat one. */
export function newUpdateId(): number {
  return randomInt(1, 2 ** 31);
}

/**
 * The Bot API Update Telegram would post for this private message (Update, Message, User, Chat, Contact
 * as core.telegram.org/bots/api documents them), as JSON.
 */
export function telegramUpdateJson(
  guest: LocalTelegramGuest,
  message: LocalTelegramMessage,
  updateId: number,
  at: Date,
): string {
  const from = {
    id: guest.id,
    is_bot: false,
    first_name: guest.firstName,
    ...(guest.languageCode ? { language_code: guest.languageCode } : {}),
  };
  return JSON.stringify({
    update_id: updateId,
    message: {
      message_id: updateId % 1_000_000,
      from,
      chat: { id: guest.id, first_name: guest.firstName, type: 'private' },
      date: Math.floor(at.getTime() / 1000),
      ...(message.text ? { text: message.text } : {}),
      ...(message.sharePhone
        ? {
            contact: {
              phone_number: message.sharePhone.replace(/^\+/, ''),
              first_name: guest.firstName,
              user_id: guest.id,
            },
          }
        : {}),
    },
  });
}
