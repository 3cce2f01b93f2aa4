import { z } from 'zod';
import { isValidBookingReference } from '../booking-reference';
import { ValidationError } from '../errors';
import { LANGUAGES } from '../languages';
import type { IncidentMatch, IncidentText } from './incident';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z
  .string()
  .regex(DATE, 'expected a date as YYYY-MM-DD')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a real calendar date');

const text = z
  .record(z.string(), z.string().trim().min(1).max(1_000))
  .check((ctx) => {
    for (const key of Object.keys(ctx.value))
      if (!(LANGUAGES as readonly string[]).includes(key))
        ctx.issues.push({
          code: 'custom',
          input: key,
          path: [key],
          message: `"${key}" is not a served language (${LANGUAGES.join(', ')})`,
        });
  })
  .refine((m) => Object.keys(m).length > 0, 'give the text in at least one language, e.g. { "en": "…" }');

const matchSchema = z
  .strictObject({
    property: z.string().trim().min(1).max(200).optional(),
    city: z.string().trim().min(1).max(100).optional(),
    checkInFrom: isoDate.optional(),
    checkInTo: isoDate.optional(),
    bookingRefs: z
      .array(z.string().refine(isValidBookingReference, 'not a valid booking reference'))
      .min(1)
      .max(10_000)
      .optional(),
  })
  .refine((m) => Object.values(m).some((v) => v !== undefined), 'name at least one criterion')
  .refine((m) => !m.checkInFrom || !m.checkInTo || m.checkInFrom <= m.checkInTo, {
    message: 'checkInFrom must not be after checkInTo',
    path: ['checkInTo'],
  });

const declareSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  match: matchSchema,
  message: text,
  notify: z.boolean(),
  priority: z.number().int().min(1).max(5).default(2),
});

const resolveSchema = z.strictObject({
  message: z.union([z.string().trim().min(1).max(1_000), text]).optional(),
});

/** What an operator declares. */
export interface IncidentDeclaration {
  readonly title: string;
  readonly match: IncidentMatch;
  readonly message: IncidentText;
  readonly notify: boolean;
  readonly priority: number;
}

function orThrow<T>(parsed: z.ZodSafeParseResult<T>): T {
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const path = first?.path.join('.') ?? '';
  throw new ValidationError(path || 'body', first?.message ?? 'invalid');
}

/** Validates a declaration (POST /api/incidents); the first problem is a ValidationError naming its field. */
export function parseDeclaration(body: unknown): IncidentDeclaration {
  return orThrow(declareSchema.safeParse(body));
}

/** Validates a resolution (POST /api/incidents/:id/resolve): an optional text, one string or per language. */
export function parseResolution(body: unknown): { message?: IncidentText | undefined } {
  const { message } = orThrow(resolveSchema.safeParse(body ?? {}));
  return { message: typeof message === 'string' ? { en: message } : message };
}
