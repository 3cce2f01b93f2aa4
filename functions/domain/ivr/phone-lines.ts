import { z } from 'zod';
import { LOYALTY_TIERS, type LoyaltyTier } from '../booking';
import { ValidationError } from '../errors';
import { LANGUAGES, type Language } from '../languages';
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

/** What the dialled number tells the IVR before the caller says anything. */
export interface DialledLine {
  readonly number: string;
  readonly label: string;
  readonly language: Language;
  readonly kind: 'country' | 'loyalty';
  readonly assumedTier?: LoyaltyTier | undefined;
}

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

/** The line behind a dialled number; an unknown number is a country line in the default language. */
export function dialledLine(lines: PhoneLines, dialled: string | null | undefined): DialledLine {
  const number = (dialled ?? '').replace(/[\s().-]/g, '');
  const line = Object.hasOwn(lines.lines, number) ? lines.lines[number] : undefined;
  if (!line) return { number, label: 'unknown line', language: lines.defaultLanguage, kind: 'country' };
  return {
    number,
    label: line.label,
    language: line.language,
    kind: line.kind,
    assumedTier: line.kind === 'loyalty' ? line.assumedTier : undefined,
  };
}

/**
 * Adds loyalty lines known only at deploy time (the CDK app passes claimed numbers in LOYALTY_LINES);
 * they keep their listed language, or the default one, and assume `tier`.
 */
export function withLoyaltyLines(
  lines: PhoneLines,
  numbers: readonly string[],
  tier: LoyaltyTier = 'gold',
): PhoneLines {
  if (numbers.length === 0) return lines;
  const extra = Object.fromEntries(
    numbers.map((number) => {
      const known = Object.hasOwn(lines.lines, number) ? lines.lines[number] : undefined;
      return [
        number,
        {
          label: known?.label ?? 'Loyalty members',
          language: known?.language ?? lines.defaultLanguage,
          kind: 'loyalty' as const,
          assumedTier: known?.assumedTier ?? tier,
        },
      ];
    }),
  );
  return { ...lines, lines: { ...lines.lines, ...extra } };
}
