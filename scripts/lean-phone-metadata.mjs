// Writes functions/domain/classify/phone-metadata.json: libphonenumber-js's "min" metadata without the
// formatting rules. The classifier only asks a number's country (parsing), never to format it, and the
// formats are 60% of the metadata: 51 KB less in every door Lambda. test/unit/classify/phone-metadata.test.ts
// checks that parsing answers the same with both, and that the file matches the installed package.
//
// Usage: npm run phone-metadata (node scripts/lean-phone-metadata.mjs)  rewrite the file from node_modules
//        node scripts/lean-phone-metadata.mjs --check  exit 1 if the file is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';

const require = createRequire(import.meta.url);
const TARGET = new URL('../functions/domain/classify/phone-metadata.json', import.meta.url);
// In metadata version 4 a numbering plan is an array; its fifth entry holds the formats.
const FORMATS = 4;

function lean(full) {
  if (full.version !== 4) {
    throw new Error(`unexpected libphonenumber-js metadata version ${full.version}: check the plan layout`);
  }
  const strip = (plans) =>
    Object.fromEntries(
      Object.entries(plans ?? {}).map(([key, plan]) => {
        if (
          !Array.isArray(plan) ||
          (plan[FORMATS] !== 0 && plan[FORMATS] !== undefined && !Array.isArray(plan[FORMATS]))
        ) {
          throw new Error(`unexpected numbering plan layout for ${key}`);
        }
        const copy = [...plan];
        if (copy.length > FORMATS) copy[FORMATS] = 0;
        return [key, copy];
      }),
    );
  return { ...full, countries: strip(full.countries), nonGeographic: strip(full.nonGeographic) };
}

const wanted = lean(require('libphonenumber-js/metadata.min.json'));
if (process.argv.includes('--check')) {
  let current = null;
  try {
    current = JSON.parse(readFileSync(TARGET, 'utf8'));
  } catch {}
  if (!isDeepStrictEqual(current, wanted)) {
    console.error(
      'phone-metadata.json is out of date for the installed libphonenumber-js: run npm run phone-metadata',
    );
    process.exit(1);
  }
} else {
  writeFileSync(TARGET, `${JSON.stringify(wanted)}\n`);
  console.log(`phone-metadata.json: ${JSON.stringify(wanted).length} bytes`);
}
