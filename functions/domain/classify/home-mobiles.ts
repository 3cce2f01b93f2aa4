import type { Language } from '../languages';

// Bare numbers of ten digits with a trunk zero that start like a mobile written at home somewhere:
// 06/07 in France, 06 in the Netherlands and Austria, 07 in Switzerland and Sweden, 04 in Belgium
// and Australia, 08 in Indonesia and Ireland. They are refused unless the sender's country says
// otherwise.
const ANYWHERE = ['04', '06', '07', '08'];

// Countries where a bare ten-digit number with a trunk zero is never a mobile: British mobiles (07…)
// have eleven digits, German ones (015–017) eleven or twelve; Spanish, Italian, Portuguese,
// Brazilian, Mexican and Chinese mobiles have no trunk zero, Russian ones an 8 and eleven digits;
// North American numbers have no trunk prefix. Elsewhere (and when unknown) the default holds.
const BY_CALLING_CODE: Readonly<Record<string, readonly string[]>> = {
  '1': [],
  '7': [],
  '34': [],
  '39': [],
  '44': [],
  '49': [],
  '52': [],
  '55': [],
  '86': [],
  '351': [],
};

// What each of those countries speaks, of the ten languages.
const SPOKEN: Readonly<Record<string, readonly Language[]>> = {
  '1': ['en', 'es', 'fr'],
  '7': ['ru'],
  '34': ['es'],
  '39': ['it'],
  '44': ['en'],
  '49': ['de'],
  '52': ['es'],
  '55': ['pt'],
  '86': ['zh'],
  '351': ['pt'],
};

// Country domains of mail addresses, as calling codes (gmail.com and the like say nothing).
const BY_MAIL_DOMAIN: Readonly<Record<string, string>> = {
  uk: '44',
  ie: '353',
  au: '61',
  fr: '33',
  be: '32',
  ch: '41',
  de: '49',
  at: '43',
  es: '34',
  it: '39',
  pt: '351',
  br: '55',
  nl: '31',
  cn: '86',
  ru: '7',
  id: '62',
};

// When the sender's country is unknown: none where the language's countries have no such mobiles.
const BY_LANGUAGE: Partial<Record<Language, readonly string[]>> = { es: [], it: [], pt: [], zh: [] };

/**
 * The two-digit starts (04, 06…) of ten-digit mobile numbers written at home: in the sender's country
 * (from the number's calling code or the mail domain) when the message is in a language spoken there;
 * otherwise also wherever the message's language is spoken ("0478…" in French from a German line).
 */
export function homeMobileStarts(
  from: string | undefined,
  language: Language | undefined,
): readonly string[] {
  const byLanguage = (language && BY_LANGUAGE[language]) ?? ANYWHERE;
  const code = callingCode(from);
  if (code === undefined) return byLanguage;
  // A country with ten-digit mobiles, or one this table does not know.
  const byCountry = BY_CALLING_CODE[code];
  if (!byCountry) return ANYWHERE;
  return language && SPOKEN[code]?.includes(language) ? byCountry : byLanguage;
}

function callingCode(from: string | undefined): string | undefined {
  if (!from) return undefined;
  const at = from.lastIndexOf('@');
  if (at >= 0)
    return BY_MAIL_DOMAIN[
      from
        .slice(from.lastIndexOf('.') + 1)
        .toLowerCase()
        .trim()
    ];
  const plus = from.indexOf('+');
  if (plus < 0) return undefined;
  const digits = from.slice(plus + 1).replace(/\D/g, '');
  for (const length of [3, 2, 1]) {
    const code = digits.slice(0, length);
    if (BY_CALLING_CODE[code]) return code;
  }
  return digits ? 'other' : undefined;
}
