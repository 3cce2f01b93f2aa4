import type { TelegramContact } from '../../domain/contact';
import { ValidationError } from '../../domain/errors';
import { toLanguage } from '../../domain/languages';
import { MAX_MESSAGE_CHARS } from '../twilio/inbound-message';
import { TELEGRAM_BOT_ADDRESS, telegramAddress } from './address';
import { type TelegramMessage, telegramMessageSchema, telegramUpdateSchema } from './update-schema';

type PhotoSize = NonNullable<TelegramMessage['photo']>[number];

// Longer than any name Telegram allows: a longer one is not a name.
const MAX_NAME_CHARS = 100;
const E164 = /^\+[1-9]\d{6,14}$/;

/** What a Telegram update is to the intake: a guest's message, or something acknowledged and ignored. */
export type TelegramUpdate =
  | {
      readonly kind: 'message';
      readonly updateId: number;
      readonly contact: TelegramContact;
      /** A phone number Telegram vouches the sender holds: they shared their own contact. */
      readonly provenPhone?: string | undefined;
      /** True when the text was longer than MAX_MESSAGE_CHARS and was cut. */
      readonly truncated: boolean;
    }
  | { readonly kind: 'ignored'; readonly updateId: number; readonly reason: string };

function invalid(path: string, error: { issues: readonly { path: PropertyKey[]; message: string }[] }) {
  const issue = error.issues[0];
  const where = [path, ...(issue?.path ?? []).map(String)].join('.');
  return new ValidationError(where, issue?.message ?? 'not what the Bot API sends');
}

// Telegram writes numbers with or without "+"; only a full international number proves anything.
function phoneOf(raw: string): string | undefined {
  const compact = raw.replace(/[\s().-]/g, '');
  const phone = compact.startsWith('+') ? compact : `+${compact}`;
  return E164.test(phone) ? phone : undefined;
}

function attachmentsOf(message: TelegramMessage): string[] {
  const out: string[] = [];
  // One PhotoSize per resolution, in no promised order (recorded updates list 240×320, 720×960,
  // 600×800): the largest is the photo itself.
  const photo = message.photo?.reduce<PhotoSize | undefined>(
    (a, b) => (a && a.width * a.height >= b.width * b.height ? a : b),
    undefined,
  );
  if (photo) out.push(`telegram-file:${photo.file_id}`);
  if (message.document) out.push(`telegram-file:${message.document.file_id}`);
  if (message.location) out.push(`geo:${message.location.latitude},${message.location.longitude}`);
  const shared = message.contact && phoneOf(message.contact.phone_number);
  if (shared) out.push(`tel:${shared}`);
  return out;
}

/**
 * The phone a message proves: a contact the sender shared whose user_id is the sender's own id (the
 * contact-request button sends exactly that). Anyone else's contact, and anything forwarded, proves
 * nothing: it is only a number someone typed or passed on.
 */
function provenPhoneOf(message: TelegramMessage): string | undefined {
  const { contact, from } = message;
  if (!contact || !from || contact.user_id !== from.id) return undefined;
  if (message.forward_origin !== undefined || message.forward_date !== undefined) return undefined;
  return phoneOf(contact.phone_number);
}

function ignoredKind(body: Record<string, unknown>): string {
  const kind = Object.keys(body).find((key) => key !== 'update_id') ?? 'empty update';
  return `not a new message (${kind.slice(0, 40)})`;
}

/**
 * Reads a Bot API Update (the JSON body of a webhook call) into a contact, from `telegram:<user id>`.
 * Only new messages in a private chat with the bot are contacts; edits, channel posts, callbacks,
 * groups, bots and messages with nothing to read (a sticker) are acknowledged and ignored. A body that
 * is no Update, or a message that is not shaped as the Bot API documents, is a ValidationError naming
 * the field.
 */
export function readTelegramUpdate(body: unknown, receivedAt: string): TelegramUpdate {
  const envelope = telegramUpdateSchema.safeParse(body);
  if (!envelope.success) throw invalid('update', envelope.error);
  const updateId = envelope.data.update_id;
  const raw = body as Record<string, unknown>;
  if (raw.message === undefined) return { kind: 'ignored', updateId, reason: ignoredKind(raw) };
  const parsed = telegramMessageSchema.safeParse(raw.message);
  if (!parsed.success) throw invalid('message', parsed.error);
  const message = parsed.data;
  const { from, chat } = message;
  if (chat.type !== 'private')
    return { kind: 'ignored', updateId, reason: `a ${chat.type.slice(0, 32)} chat` };
  if (!from || from.is_bot) return { kind: 'ignored', updateId, reason: 'not written by a person' };
  // In a private chat the chat is the user: its id is the user's, and answers go to that id.
  if (chat.id !== from.id) return { kind: 'ignored', updateId, reason: 'a private chat of someone else' };
  const text = message.text ?? message.caption ?? '';
  const attachments = attachmentsOf(message);
  if (text.trim() === '' && attachments.length === 0)
    return { kind: 'ignored', updateId, reason: 'nothing to read (a sticker, a poll…)' };
  const truncated = text.length > MAX_MESSAGE_CHARS;
  const name = [from.first_name, from.last_name].filter(Boolean).join(' ').trim();
  return {
    kind: 'message',
    updateId,
    contact: {
      channel: 'telegram',
      channelMessageId: String(updateId),
      from: telegramAddress(from.id),
      to: TELEGRAM_BOT_ADDRESS,
      text: truncated ? text.slice(0, MAX_MESSAGE_CHARS) : text,
      languageHint: toLanguage(from.language_code),
      attachments: attachments.length > 0 ? attachments : undefined,
      senderName: name.slice(0, MAX_NAME_CHARS) || undefined,
      receivedAt,
    },
    provenPhone: provenPhoneOf(message),
    truncated,
  };
}
