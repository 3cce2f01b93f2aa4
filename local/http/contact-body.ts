import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CHANNELS, type Contact } from '../../functions/domain/contact';
import { ValidationError } from '../../functions/domain/errors';
import { describeIssues } from '../../functions/domain/import/describe-issues';
import { LANGUAGES } from '../../functions/domain/languages';

// The local runtime's plain-JSON door: the same Contact every real door produces, without a wire format.
const contactBody = z.object({
  channel: z.enum(CHANNELS),
  from: z.string().trim().min(1).max(320),
  to: z.string().trim().min(1).max(320).default('local'),
  text: z.string().max(100_000).default(''),
  subject: z.string().max(1000).optional(),
  channelMessageId: z.string().min(1).max(500).optional(),
  languageHint: z.enum(LANGUAGES).optional(),
  bookingRef: z.string().max(40).optional(),
  pin: z
    .string()
    .regex(/^\d{4}$/, 'the PIN has exactly 4 digits')
    .optional(),
  caseNumber: z.string().max(20).optional(),
});

/** Validates a JSON body into a Contact, naming every bad field. */
export function parseContactBody(value: unknown, receivedAt: Date): Contact {
  const result = contactBody.safeParse(value);
  if (!result.success) throw new ValidationError('body', describeIssues(result.error, value, 'body'));
  const b = result.data;
  return {
    channel: b.channel,
    channelMessageId: b.channelMessageId ?? randomUUID(),
    from: b.from.includes('@') ? b.from.toLowerCase() : b.from,
    to: b.to,
    text: b.text,
    subject: b.subject,
    languageHint: b.languageHint,
    bookingRef: b.bookingRef,
    pin: b.pin,
    threadHints: b.caseNumber ? { caseNumber: b.caseNumber } : undefined,
    receivedAt: receivedAt.toISOString(),
  };
}
