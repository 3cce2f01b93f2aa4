import { z } from 'zod';
import { ValidationError } from '../../../functions/domain/errors';
import { describeIssues } from '../../../functions/domain/import/describe-issues';
import { LANGUAGES } from '../../../functions/domain/languages';

const phone = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{6,14}$/, 'a phone number in E.164, like +33612345678');

// A form field left empty means "not given", not "given as nothing".
const blankAsMissing = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** An SMS or WhatsApp message typed in the console's try-it panel. */
export const tryMessageBody = z.object({
  channel: z.enum(['sms', 'whatsapp']),
  from: phone,
  text: z.string().trim().min(1, 'write something').max(1600),
  profileName: z.string().trim().max(100).optional(),
});

/** A Telegram message typed in the try-it panel (the user id is also their chat's id). */
export const tryTelegramBody = z
  .object({
    userId: z.coerce.number().int('a Telegram user id is a whole number').min(1).max(Number.MAX_SAFE_INTEGER),
    firstName: z.string().trim().min(1).max(64).default('Guest'),
    language: blankAsMissing(
      z.string().regex(/^[a-z]{2}(-[A-Za-z]{2,4})?$/, 'an app language like fr or pt-br'),
    ),
    text: blankAsMissing(z.string().trim().max(4096)),
    sharePhone: blankAsMissing(phone),
  })
  .refine((b) => b.text !== undefined || b.sharePhone !== undefined, {
    message: 'write something, or share the phone number',
    path: ['text'],
  });

/** An email typed in the try-it panel. */
export const tryEmailBody = z.object({
  from: z.email('an email address, like camille.martin@example.fr'),
  subject: z.string().trim().max(200).default(''),
  text: z.string().trim().min(1, 'write something').max(20_000),
});

/** A simulated call placed from the try-it panel: what the caller presses and says. */
export const tryCallBody = z.object({
  from: phone,
  language: z.enum(LANGUAGES).optional(),
  bookingRef: blankAsMissing(z.string().regex(/^\d{10}$/, 'a booking reference has 10 digits')),
  pin: blankAsMissing(z.string().regex(/^\d{4}$/, 'the PIN has exactly 4 digits')),
  said: z.string().trim().max(1000).default(''),
});

/** Parses a try-it body, naming every bad field in one clear error. */
export function parseTryBody<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError('body', describeIssues(result.error, value, 'body'));
  return result.data;
}

/** What the try-it panel shows after sending: which door took it, the case, and the answer. */
export interface TryResult {
  /** Machine name of the door: twilio-messaging, telegram, smtp, flow-simulator, or json. */
  readonly door: string;
  /** What the panel says about the door, e.g. "POST /twilio/messaging (signed like Twilio)". */
  readonly via: string;
  /** What the door itself answered (e.g. the SMTP reply line). */
  readonly note?: string | undefined;
  /** The stored contact's id (`channel:channelMessageId`). */
  readonly contactId?: string | undefined;
  readonly caseNumber?: string | undefined;
  readonly queue?: string | undefined;
  readonly priority?: number | undefined;
  /** What the guest got back (SMS text, email body, or what the call said). */
  readonly reply?: string | undefined;
  /** A call's transcript, one line per prompt or answer. */
  readonly transcript?: readonly string[] | undefined;
}
