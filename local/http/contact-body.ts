import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CHANNELS, type Channel, type Contact } from '../../functions/domain/contact';
import { ValidationError } from '../../functions/domain/errors';
import { describeIssues } from '../../functions/domain/import/describe-issues';
import { LANGUAGES } from '../../functions/domain/languages';

// The fields only some channels carry, and which: a subject is a mail's, a keypad entry a call's.
const ONLY_ON: Readonly<Record<'subject' | 'bookingRef' | 'pin', readonly Channel[]>> = {
  subject: ['email'],
  bookingRef: ['voice'],
  pin: ['voice'],
};

// The local runtime's plain-JSON door: the same Contact every real door produces, without a wire format.
const contactBody = z
  .object({
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
  })
  .superRefine((body, ctx) => {
    for (const [field, channels] of Object.entries(ONLY_ON)) {
      if (body[field as keyof typeof ONLY_ON] === undefined || channels.includes(body.channel)) continue;
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `only ${channels.join(', ')} contacts carry it, not ${body.channel}`,
      });
    }
  });

/** Validates a JSON body into a Contact, naming every bad field (a field its channel does not carry too). */
export function parseContactBody(value: unknown, receivedAt: Date): Contact {
  const result = contactBody.safeParse(value);
  if (!result.success) throw new ValidationError('body', describeIssues(result.error, value, 'body'));
  const b = result.data;
  const base = {
    channelMessageId: b.channelMessageId ?? randomUUID(),
    from: b.from.includes('@') ? b.from.toLowerCase() : b.from,
    to: b.to,
    text: b.text,
    languageHint: b.languageHint,
    threadHints: b.caseNumber ? { caseNumber: b.caseNumber } : undefined,
    receivedAt: receivedAt.toISOString(),
  };
  switch (b.channel) {
    case 'voice':
      return { ...base, channel: 'voice', bookingRef: b.bookingRef, pin: b.pin };
    case 'email':
      // No authentication results on this door: its From proves nothing.
      return { ...base, channel: 'email', subject: b.subject, senderProven: false };
    case 'sms':
    case 'whatsapp':
    case 'telegram':
      return { ...base, channel: b.channel };
  }
}
