import { type MetadataJson, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import type { ClassifierInput } from '../classification';
import { LANGUAGES, type Language } from '../languages';
import leanMetadata from './phone-metadata.json' with { type: 'json' };

// libphonenumber-js's "min" metadata without its formatting rules (scripts/lean-phone-metadata.mjs):
// only a number's country is asked here, and the formats were 51 KB of every door Lambda.
const PHONE_METADATA = leanMetadata as unknown as MetadataJson;

type Shares = ReadonlyArray<readonly [Language, number]>;

// What people calling from a country speak, roughly; multilingual countries share the weight.
const COUNTRY: Readonly<Record<string, Shares>> = {
  GB: [['en', 1]],
  US: [
    ['en', 0.85],
    ['es', 0.15],
  ],
  IE: [['en', 1]],
  AU: [['en', 1]],
  NZ: [['en', 1]],
  CA: [
    ['en', 0.75],
    ['fr', 0.25],
  ],
  ZA: [['en', 1]],
  IN: [['en', 1]],
  SG: [
    ['en', 0.6],
    ['zh', 0.4],
  ],
  FR: [['fr', 1]],
  MC: [['fr', 1]],
  LU: [
    ['fr', 0.6],
    ['de', 0.4],
  ],
  BE: [
    ['nl', 0.55],
    ['fr', 0.45],
  ],
  CH: [
    ['de', 0.65],
    ['fr', 0.25],
    ['it', 0.1],
  ],
  DE: [['de', 1]],
  AT: [['de', 1]],
  LI: [['de', 1]],
  ES: [['es', 1]],
  MX: [['es', 1]],
  AR: [['es', 1]],
  CO: [['es', 1]],
  CL: [['es', 1]],
  PE: [['es', 1]],
  VE: [['es', 1]],
  EC: [['es', 1]],
  UY: [['es', 1]],
  IT: [['it', 1]],
  SM: [['it', 1]],
  PT: [['pt', 1]],
  BR: [['pt', 1]],
  AO: [['pt', 1]],
  MZ: [['pt', 1]],
  NL: [['nl', 1]],
  SR: [['nl', 1]],
  CN: [['zh', 1]],
  TW: [['zh', 1]],
  HK: [['zh', 1]],
  MO: [['zh', 1]],
  RU: [['ru', 1]],
  BY: [['ru', 1]],
  KZ: [['ru', 1]],
  KG: [['ru', 1]],
  ID: [['id', 1]],
};

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
  const country = parsePhoneNumberFromString(number, PHONE_METADATA)?.country;
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
