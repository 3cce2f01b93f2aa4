import type { LoyaltyTier } from '../booking';
import type { Language } from '../languages';
import type { PhoneLines } from './phone-lines-schema';

export type { PhoneLines } from './phone-lines-schema';

/** What the dialled number tells the IVR before the caller says anything. */
export interface DialledLine {
  readonly number: string;
  readonly label: string;
  readonly language: Language;
  readonly kind: 'country' | 'loyalty';
  readonly assumedTier?: LoyaltyTier | undefined;
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
