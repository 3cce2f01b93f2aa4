import metadata from './phone-metadata.json' with { type: 'json' };

// A numbering plan in libphonenumber-js's metadata (version 4): [calling code, IDD prefix, national
// number pattern, possible lengths, formats, national prefix, …, leading digits (10), types (11)], a
// type being [pattern, possible lengths?]. Only the parts that tell a country are read here.
type Type = readonly [string, (readonly number[])?] | undefined;
type Plan = readonly unknown[];

const CODES: Readonly<Record<string, readonly string[]>> = metadata.country_calling_codes;
const PLANS = metadata.countries as unknown as Readonly<Record<string, Plan>>;
// A national significant number has 2 to 17 digits (ITU-T E.164; libphonenumber-js's bounds).
const NATIONAL = /^\d{2,17}$/;
const SEPARATORS = /[\s().\-/]/g;

// The metadata's patterns, compiled once each rather than for every number read.
const compiled = new Map<string, RegExp>();
function regexOf(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) {
    re = new RegExp(source);
    compiled.set(source, re);
  }
  return re;
}

function matchesEntirely(pattern: string, digits: string): boolean {
  return regexOf(`^(?:${pattern})$`).test(digits);
}

// Whether a national number is one of the plan's: its leading digits when the plan has them (they are
// enough), otherwise the national pattern and one of its number types.
function belongs(national: string, plan: Plan | undefined): boolean {
  if (!plan) return false;
  const leading = plan[10];
  if (typeof leading === 'string' && leading !== '') return regexOf(leading).exec(national)?.index === 0;
  if (typeof plan[2] !== 'string' || !matchesEntirely(plan[2], national)) return false;
  const lengths = plan[3] as readonly number[] | undefined;
  // An absent type is written 0 in the metadata.
  const types = ((plan[11] ?? []) as readonly (Type | 0)[]).map((type) => type || undefined);
  return types.some((type) => {
    if (!type?.[0]) return false;
    const allowed = type[1] ?? lengths;
    return (!allowed || allowed.includes(national.length)) && matchesEntirely(type[0], national);
  });
}

// A caller who writes the trunk prefix after the calling code ("+7 8 916 …", "+1 1 212 …") is read as
// libphonenumber-js reads them: the first country's national prefix is dropped when what remains is
// still a number of the right length there and dropping it does not spoil a number that was valid.
function nationalNumber(digits: string, countries: readonly string[]): string {
  const main = PLANS[countries[0] ?? ''];
  const forParsing = main?.[7] || main?.[5];
  if (!main || typeof forParsing !== 'string') return digits;
  const prefix = regexOf(`^(?:${forParsing})`);
  const match = prefix.exec(digits);
  if (!match) return digits;
  const groups = match.length - 1;
  const transform = main[8];
  const stripped =
    typeof transform === 'string' && groups > 0 && match[groups]
      ? digits.replace(prefix, transform)
      : digits.slice(match[0].length);
  if (stripped === digits) return digits;
  const pattern = main[2] as string;
  if (matchesEntirely(pattern, digits) && !matchesEntirely(pattern, stripped)) return digits;
  if (!main[3]) return stripped;
  const lengths = PLANS[countryAmong(stripped, countries) ?? '']?.[3] ?? main[3];
  return possibleLength(stripped.length, lengths as readonly number[]) ? stripped : digits;
}

// Too short, or a length between the plan's that it does not list, is not a number of that plan.
function possibleLength(length: number, lengths: readonly number[]): boolean {
  const least = lengths[0] ?? 0;
  if (length <= least) return length === least;
  return length > (lengths[lengths.length - 1] ?? 0) || lengths.includes(length);
}

function countryAmong(national: string, countries: readonly string[]): string | undefined {
  if (countries.length === 1) return countries[0];
  return countries.find((country) => belongs(national, PLANS[country]));
}

/**
 * The country of an international number ("+44 7700 900123"), for the calling codes the classifier
 * keeps metadata for, read as libphonenumber-js reads it: the calling code names the country, and
 * where several countries share it, the first whose leading digits or number types fit. (The package's
 * parser was 35 KB of every door Lambda for this one question; phone-metadata.test.ts holds the two
 * to the same answers.)
 */
export function countryOfNumber(raw: string): string | undefined {
  const number = raw.replace(SEPARATORS, '');
  if (number[0] !== '+' || number[1] === '0' || !/^\+\d+$/.test(number)) return undefined;
  for (let length = 1; length <= 3; length++) {
    const countries = CODES[number.slice(1, 1 + length)];
    if (!countries) continue;
    const national = nationalNumber(number.slice(1 + length), countries);
    return NATIONAL.test(national) ? countryAmong(national, countries) : undefined;
  }
  return undefined;
}
