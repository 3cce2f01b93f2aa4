// The zod schema lives apart from the rest of the phone-lines code: the voice Lambdas read lines the
// CDK app already validated (shared/trusted-config.ts), and importing zod costs each of them 445 KB.
import { z } from 'zod';
import { LOYALTY_TIERS } from '../booking';
import { ValidationError } from '../errors';
import { LANGUAGES } from '../languages';
import { formatPath } from '../routing/load-policy';

const E164 = /^\+[1-9]\d{6,14}$/;

const lineSchema = z.strictObject({
  label: z.string().min(1).describe('Who the line is for, e.g. "France" or "Loyalty members".'),
  language: z.enum(LANGUAGES).describe('The language the greeting and menus start in.'),
  kind: z.enum(['country', 'loyalty']).default('country'),
  assumedTier: z
    .enum(LOYALTY_TIERS)
    .optional()
    .describe('Loyalty lines: the tier assumed for routing until a verified booking says otherwise.'),
});

/** The demo phone lines: which dialled number greets in which language, and which is the loyalty line. */
export const phoneLinesSchema = z
  .strictObject({
    $schema: z.string().optional(),
    defaultLanguage: z.enum(LANGUAGES).describe('Language for a dialled number not listed here.'),
    callbackOfferAfterSeconds: z
      .number()
      .int()
      .positive()
      .default(120)
      .describe('How long a caller waits in queue before a callback is offered.'),
    lines: z.record(z.string().regex(E164, { error: 'expected an E.164 number' }), lineSchema),
  })
  .superRefine((value, ctx) => {
    for (const [number, line] of Object.entries(value.lines)) {
      if (line.kind === 'loyalty' && !line.assumedTier)
        ctx.addIssue({
          code: 'custom',
          path: ['lines', number, 'assumedTier'],
          message: 'a loyalty line needs the tier it assumes',
        });
    }
  });

/** The phone lines configuration, validated. */
export type PhoneLines = z.output<typeof phoneLinesSchema>;

/** Validates phone lines (parsed JSON); a bad file fails naming the field. */
export function loadPhoneLines(json: unknown): PhoneLines {
  const result = phoneLinesSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ValidationError(
    `phone-lines.${formatPath(issue?.path ?? [])}`,
    issue?.message ?? 'invalid phone lines',
    {
      cause: result.error,
    },
  );
}
