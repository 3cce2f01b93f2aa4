import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { type MetadataJson, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import fullMetadata from 'libphonenumber-js/metadata.min.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import countryLanguages from '../../../functions/domain/classify/country-languages.json' with {
  type: 'json',
};
import { languagesOfAddress } from '../../../functions/domain/classify/language-signals';
import leanJson from '../../../functions/domain/classify/phone-metadata.json' with { type: 'json' };
import { LANGUAGES } from '../../../functions/domain/languages';
import { REPO_ROOT } from '../../../infra/constructs/bundling';

const full = fullMetadata as unknown as MetadataJson;
const lean = leanJson as unknown as MetadataJson;
const byCountry: Readonly<Record<string, unknown>> = countryLanguages;
const callingCodes = Object.keys(fullMetadata.country_calling_codes);
const keptCodes = Object.keys(leanJson.country_calling_codes);
const callingCodeOf = (country: string) => (fullMetadata.countries as Record<string, [string]>)[country]?.[0];
const exampleNumbers = Object.entries(examples as Record<string, string>).map(
  ([country, national]) => [country, `+${callingCodeOf(country)}${national}`] as const,
);

// Everything parsing tells about a number; the classifier reads only the country.
function reading(number: string, metadata: MetadataJson): string {
  const parsed = parsePhoneNumberFromString(number, metadata);
  if (!parsed) return 'none';
  return [parsed.country, parsed.nationalNumber, parsed.isValid(), parsed.isPossible()].join('|');
}

// What the classifier would read from a number if it shipped libphonenumber-js's whole metadata.
function languagesWithFullMetadata(number: string): unknown {
  const country = parsePhoneNumberFromString(number, full)?.country;
  return (country && byCountry[country]) ?? null;
}

const anyNumberUnder = (codes: string[]) =>
  fc
    .tuple(fc.constantFrom(...codes), fc.constantFrom('', ' ', '-'), fc.stringMatching(/^[0-9]{3,14}$/))
    .map(([code, separator, digits]) => `+${code}${separator}${digits}`);

describe('the lean phone metadata the classifier ships', () => {
  it('is what the script makes from the installed libphonenumber-js (rerun it after an upgrade)', () => {
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/lean-phone-metadata.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('is less than a quarter of the size of the metadata it comes from', () => {
    expect(JSON.stringify(leanJson).length).toBeLessThan(JSON.stringify(fullMetadata).length / 4);
  });

  it('gives every country’s example mobile number the languages the full metadata gives it', () => {
    expect(exampleNumbers.length).toBeGreaterThan(200);
    for (const [country, number] of exampleNumbers) {
      expect(languagesOfAddress(number), `${country} ${number}`).toEqual(languagesWithFullMetadata(number));
    }
  });

  it('gives the languages of its own country to the example number of every country it knows', () => {
    for (const [country, shares] of Object.entries(byCountry)) {
      const number = exampleNumbers.find(([example]) => example === country)?.[1];
      expect(languagesOfAddress(number), `${country} ${number}`).toEqual(shares);
    }
  });

  it('gives any international number the languages the full metadata gives it', () => {
    fc.assert(
      fc.property(anyNumberUnder(callingCodes), (number) => {
        expect(languagesOfAddress(number)).toEqual(languagesWithFullMetadata(number));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads numbers under the calling codes it keeps exactly as the full metadata does', () => {
    for (const [, number] of exampleNumbers.filter(([country]) => country in leanJson.countries)) {
      expect(reading(number, lean), number).toBe(reading(number, full));
    }
    fc.assert(
      fc.property(anyNumberUnder(keptCodes), (number) => {
        expect(reading(number, lean)).toBe(reading(number, full));
      }),
      { numRuns: 5000 },
    );
  });

  it('still tells the sender’s languages from numbers sharing a calling code', () => {
    expect(languagesOfAddress('+1 514 555 0199')?.map(([language]) => language)).toContain('fr');
    expect(languagesOfAddress('+44 7781 123456')).toBeNull(); // Guernsey, not Britain
    expect(languagesOfAddress('whatsapp:+79161234567')).toEqual([['ru', 1]]);
    expect(languagesOfAddress('+4915112345678')).toEqual([['de', 1]]);
  });
});

describe('the languages spoken by country', () => {
  it('names only the classifier’s languages, with shares adding up to one', () => {
    for (const [country, shares] of Object.entries(countryLanguages)) {
      const total = shares.reduce((sum, [, share]) => sum + Number(share), 0);
      expect(total, country).toBeCloseTo(1, 9);
      for (const [language] of shares) expect(LANGUAGES, country).toContain(language);
    }
  });
});
