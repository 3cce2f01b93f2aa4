import type { ClassifierInput } from '../classification';
import { LANGUAGES, type Language } from '../languages';
import countryLanguages from './country-languages.json' with { type: 'json' };
import { countryOfNumber } from './phone-country';

type Shares = ReadonlyArray<readonly [Language, number]>;

// What people calling from a country speak, roughly; multilingual countries share the weight. The
// phone metadata script reads the same table: only these countries' calling codes are worth shipping.
// JSON cannot say its pairs are [Language, share]; phone-metadata.test.ts checks that they are.
const COUNTRY = countryLanguages as unknown as Readonly<Record<string, Shares>>;

// Mail providers whose users mostly write in one language, then country domains.
const MAIL_DOMAIN: Readonly<Record<string, Language>> = {
  'qq.com': 'zh',
  '163.com': 'zh',
  '126.com': 'zh',
  'sina.com': 'zh',
  'mail.ru': 'ru',
  'yandex.ru': 'ru',
  'rambler.ru': 'ru',
  'web.de': 'de',
  'gmx.de': 'de',
  'orange.fr': 'fr',
  'free.fr': 'fr',
  'libero.it': 'it',
};
const TLD: Readonly<Record<string, string>> = {
  uk: 'GB',
  ie: 'IE',
  au: 'AU',
  fr: 'FR',
  be: 'BE',
  ch: 'CH',
  de: 'DE',
  at: 'AT',
  es: 'ES',
  mx: 'MX',
  ar: 'AR',
  it: 'IT',
  pt: 'PT',
  br: 'BR',
  nl: 'NL',
  cn: 'CN',
  tw: 'TW',
  hk: 'HK',
  ru: 'RU',
  by: 'BY',
  id: 'ID',
};

const cache = new Map<string, Shares | null>();
const CACHE_LIMIT = 2000;

/** Languages likely spoken by the owner of a phone number or email address. */
export function languagesOfAddress(address: string | undefined): Shares | null {
  if (!address) return null;
  const cached = cache.get(address);
  if (cached !== undefined) return cached;
  const shares = address.includes('@') ? fromEmail(address) : fromPhone(address);
  // Parsing a number costs microseconds; senders write again and again, so remember a few.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(address, shares);
  return shares;
}

function fromPhone(raw: string): Shares | null {
  const number = raw.replace(/^(whatsapp|tel|sms):/i, '').trim();
  if (!number.startsWith('+')) return null;
  const country = countryOfNumber(number);
  return country ? (COUNTRY[country] ?? null) : null;
}

function fromEmail(address: string): Shares | null {
  const domain = address
    .slice(address.lastIndexOf('@') + 1)
    .toLowerCase()
    .trim();
  const known = MAIL_DOMAIN[domain];
  if (known) return [[known, 1]];
  const country = TLD[domain.slice(domain.lastIndexOf('.') + 1)];
  return country ? (COUNTRY[country] ?? null) : null;
}

/** How much each signal counts, in log-odds added to the text's evidence. */
export const SIGNAL_WEIGHTS = { hint: 4, booking: 2.5, sender: 1.5, dialled: 0.8 } as const;

/** Log-odds per language (in LANGUAGES order) from everything but the text. */
export function signalPrior(input: ClassifierInput): Float64Array {
  const prior = new Float64Array(LANGUAGES.length);
  const add = (language: Language, weight: number) => {
    const i = LANGUAGES.indexOf(language);
    prior[i] = (prior[i] ?? 0) + weight;
  };
  if (input.languageHint) add(input.languageHint, SIGNAL_WEIGHTS.hint);
  if (input.bookingLanguage) add(input.bookingLanguage, SIGNAL_WEIGHTS.booking);
  for (const [language, share] of languagesOfAddress(input.from) ?? [])
    add(language, SIGNAL_WEIGHTS.sender * share);
  for (const [language, share] of languagesOfAddress(input.to) ?? [])
    add(language, SIGNAL_WEIGHTS.dialled * share);
  return prior;
}

/** The language to fall back on when the text is unsure: booking's, else the sender's number's. */
export function fallbackLanguage(input: ClassifierInput): Language | undefined {
  if (input.languageHint) return input.languageHint;
  if (input.bookingLanguage) return input.bookingLanguage;
  const sender = languagesOfAddress(input.from)?.[0];
  if (sender && sender[1] >= 0.5) return sender[0];
  const dialled = languagesOfAddress(input.to)?.[0];
  return dialled && dialled[1] >= 0.5 ? dialled[0] : undefined;
}
