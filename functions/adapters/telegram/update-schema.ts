import { z } from 'zod';

// The parts of the Bot API's Update we read (https://core.telegram.org/bots/api#update, #message,
// #user, #chat, #photosize, #document, #location, #contact). Unknown fields are ignored: Telegram adds
// fields in new API versions, and a new one must never turn an update away. Ids "may have more than 32
// significant bits … but at most 52", so they are safe integers.
const id = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const fileId = z.string().min(1).max(256);

const user = z.object({
  id: id.positive(),
  is_bot: z.boolean(),
  first_name: z.string().max(256),
  last_name: z.string().max(256).optional(),
  language_code: z.string().max(35).optional(),
});

/** A Bot API Message, as far as the door reads it. */
export const telegramMessageSchema = z.object({
  message_id: id.nonnegative(),
  from: user.optional(),
  chat: z.object({ id, type: z.string().max(32) }),
  date: z.number().int(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z
    .array(z.object({ file_id: fileId, width: z.number(), height: z.number() }))
    .max(32)
    .optional(),
  document: z.object({ file_id: fileId }).optional(),
  location: z
    .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
    .optional(),
  contact: z
    .object({ phone_number: z.string().max(64), first_name: z.string().max(256), user_id: id.optional() })
    .optional(),
  // Bot API 7.0 names where a forwarded message came from; older clients sent forward_date.
  forward_origin: z.unknown().optional(),
  forward_date: z.unknown().optional(),
});

/** A Bot API Message as the door reads it. */
export type TelegramMessage = z.output<typeof telegramMessageSchema>;

/** The envelope: the update's id; which kind it is is read from the one other field present. */
export const telegramUpdateSchema = z.object({ update_id: id.nonnegative() });
