// Runs after `npm ci` (postinstall). AWS SDK v3 clients since 3.930 write schema traits with computed
// keys (`{ [_h]: ["PUT", "/x", 200] }`, where `const _h = "http"`). esbuild must assume a computed key
// may run code, so it keeps every operation's schema: the Connect client alone adds 190 KB to each
// bundle for the three operations we call (aws/aws-sdk-js-v3#7607). This rewrites those keys as the
// string literals they stand for, which is what the upstream fix (smithy-typescript#1889) generates;
// the objects are identical at run time. Only the ESM build (dist-es, what esbuild bundles) is touched.
// Idempotent; a file whose keys are not all known string constants is left as it is. Skipping the
// script (npm ci --ignore-scripts) changes bundle size only, never behaviour.
//
// Usage: node scripts/tree-shakeable-sdk.mjs [node_modules folder]  (default: ./node_modules)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

const CONST_STRING = /^const (_\w+) = ("[^"\\\n]*");$/gm;
const COMPUTED_KEY = /\[(_\w+)\]:/g;

// The schema file with every computed trait key replaced by its literal, or null when nothing changes.
function literalTraitKeys(source) {
  const values = new Map();
  for (const m of source.matchAll(CONST_STRING)) values.set(m[1], m[2]);
  let unknown = false;
  const out = source.replace(COMPUTED_KEY, (all, name) => {
    const literal = values.get(name);
    if (literal === undefined) unknown = true;
    return literal === undefined ? all : `${literal}:`;
  });
  return unknown || out === source ? null : out;
}

// Every dist-es/**/schemas_0.js of an @aws-sdk package, however deeply npm nested it.
function* schemaFiles(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* schemaFiles(path);
    else if (
      e.name === 'schemas_0.js' &&
      path.includes(`${sep}@aws-sdk${sep}`) &&
      path.includes(`${sep}dist-es${sep}`)
    )
      yield path;
  }
}

const root = resolve(process.argv[2] ?? 'node_modules');
if (statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
  let rewritten = 0;
  for (const file of schemaFiles(root)) {
    const out = literalTraitKeys(readFileSync(file, 'utf8'));
    if (out === null) continue;
    writeFileSync(file, out);
    rewritten++;
  }
  console.log(`tree-shakeable-sdk: ${rewritten} AWS SDK schema file(s) rewritten with literal trait keys`);
}
