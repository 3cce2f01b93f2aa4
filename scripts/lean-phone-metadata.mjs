// Writes functions/domain/classify/phone-metadata.json: libphonenumber-js's "min" metadata without the
// formatting rules, and only for the calling codes the classifier can use. It only asks a number's country
// (parsing), never to format it, and the formats are 60% of the metadata; it only reads a country found in
// country-languages.json, so a calling code none of whose countries is there would give no languages
// anyway. A kept calling code keeps ALL its countries: +44 7781… must still read as Guernsey, not Britain.
// 83 KB of metadata became 16 KB in every door Lambda. test/unit/classify/phone-metadata.test.ts checks
// that the languages read from a number are the same with both, and that the file matches the package.
//
// Usage: npm run phone-metadata (node scripts/lean-phone-metadata.mjs)  rewrite the file from node_modules
//        node scripts/lean-phone-metadata.mjs --check  exit 1 if the file is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';

const require = createRequire(import.meta.url);
const TARGET = new URL('../functions/domain/classify/phone-metadata.json', import.meta.url);
const LANGUAGES_BY_COUNTRY = new URL('../functions/domain/classify/country-languages.json', import.meta.url);
// In metadata version 4 a numbering plan is an array; its fifth entry holds the formats.
const FORMATS = 4;

function withoutFormats(key, plan) {
  if (
    !Array.isArray(plan) ||
    (plan[FORMATS] !== 0 && plan[FORMATS] !== undefined && !Array.isArray(plan[FORMATS]))
  ) {
    throw new Error(`unexpected numbering plan layout for ${key}`);
  }
  const copy = [...plan];
  if (copy.length > FORMATS) copy[FORMATS] = 0;
  return copy;
}

function lean(full, wantedCountries) {
  if (full.version !== 4) {
    throw new Error(`unexpected libphonenumber-js metadata version ${full.version}: check the plan layout`);
  }
  const unknown = wantedCountries.filter((country) => !full.countries[country]);
  if (unknown.length > 0) {
    throw new Error(`country-languages.json names countries libphonenumber-js does not know: ${unknown}`);
  }
  // Non-geographic codes (+800, +870…) have no country, so they are left out with the rest.
  const codes = Object.entries(full.country_calling_codes).filter(([, countries]) =>
    countries.some((country) => wantedCountries.includes(country)),
  );
  const countries = codes.flatMap(([, list]) => list);
  return {
    version: full.version,
    country_calling_codes: Object.fromEntries(codes),
    countries: Object.fromEntries(
      countries.map((country) => [country, withoutFormats(country, full.countries[country])]),
    ),
    nonGeographic: {},
  };
}

const wanted = lean(
  require('libphonenumber-js/metadata.min.json'),
  Object.keys(JSON.parse(readFileSync(LANGUAGES_BY_COUNTRY, 'utf8'))),
);
if (process.argv.includes('--check')) {
  let current = null;
  try {
    current = JSON.parse(readFileSync(TARGET, 'utf8'));
  } catch {}
  if (!isDeepStrictEqual(current, wanted)) {
    console.error(
      'phone-metadata.json is out of date for the installed libphonenumber-js or country-languages.json: run npm run phone-metadata',
    );
    process.exit(1);
  }
} else {
  writeFileSync(TARGET, `${JSON.stringify(wanted)}\n`);
  console.log(`phone-metadata.json: ${JSON.stringify(wanted).length} bytes`);
}
