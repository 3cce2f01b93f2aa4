import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { type MetadataJson, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import fullMetadata from 'libphonenumber-js/metadata.min.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { languagesOfAddress } from '../../../functions/domain/classify/language-signals';
import leanJson from '../../../functions/domain/classify/phone-metadata.json' with { type: 'json' };
import { REPO_ROOT } from '../../../infra/constructs/bundling';

const full = fullMetadata as unknown as MetadataJson;
const lean = leanJson as unknown as MetadataJson;
const callingCodes = Object.keys(fullMetadata.country_calling_codes);

// Everything parsing tells about a number; the classifier reads only the country.
function reading(number: string, metadata: MetadataJson): string {
  const parsed = parsePhoneNumberFromString(number, metadata);
  if (!parsed) return 'none';
  return [parsed.country, parsed.nationalNumber, parsed.isValid(), parsed.isPossible()].join('|');
}

describe('the lean phone metadata the classifier ships', () => {
  it('is what the script makes from the installed libphonenumber-js (rerun it after an upgrade)', () => {
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/lean-phone-metadata.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('is less than half the size of the metadata it comes from', () => {
    expect(JSON.stringify(leanJson).length).toBeLessThan(JSON.stringify(fullMetadata).length / 2);
  });

  it('reads every country’s example mobile number as the full metadata does', () => {
    const countries = Object.entries(examples as Record<string, string>);
    expect(countries.length).toBeGreaterThan(200);
    for (const [country, national] of countries) {
      const code = (fullMetadata.countries as Record<string, [string]>)[country]?.[0];
      const number = `+${code}${national}`;
      expect(reading(number, lean), number).toBe(reading(number, full));
      expect(reading(number, lean), number).not.toBe('none');
    }
  });

  it('reads any international number exactly as the full metadata does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...callingCodes),
        fc.stringMatching(/^[0-9]{3,14}$/),
        fc.constantFrom('', ' ', '-'),
        (code, digits, separator) => {
          const number = `+${code}${separator}${digits}`;
          expect(reading(number, lean)).toBe(reading(number, full));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('still tells the sender’s languages from numbers sharing a calling code', () => {
    expect(languagesOfAddress('+1 514 555 0199')?.map(([language]) => language)).toContain('fr');
    expect(languagesOfAddress('whatsapp:+79161234567')).toEqual([['ru', 1]]);
    expect(languagesOfAddress('+4915112345678')).toEqual([['de', 1]]);
  });
});
