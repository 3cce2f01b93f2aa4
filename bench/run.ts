// `npm run bench -- [name…]`: runs every bench/*.bench.ts (or those whose name contains one of the given
// names) in its own Node process, one after the other, so one benchmark's JIT state and garbage never
// colour another's figures. Figures are printed, never asserted. `--help` lists the benchmarks; a name
// that matches none is an error (exit 2) that lists them too.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SUFFIX = '.bench.ts';
const names = readdirSync(here)
  .filter((f) => f.endsWith(SUFFIX))
  .map((f) => f.slice(0, -SUFFIX.length))
  .sort();
const list = () => names.map((n) => `  ${n}`).join('\n');

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(
    `usage: npm run bench -- [name…]  (a part of a name picks every benchmark containing it)\n\nbenchmarks:\n${list()}`,
  );
  process.exit(0);
}
const unknown = args.filter((a) => !names.some((n) => n.includes(a)));
if (unknown.length > 0) {
  console.error(`no benchmark matches ${unknown.map((u) => `"${u}"`).join(', ')}\n\nbenchmarks:\n${list()}`);
  process.exit(2);
}

let failed = 0;
for (const name of names.filter((n) => args.length === 0 || args.some((a) => n.includes(a)))) {
  console.log(`\n=== ${name}${SUFFIX} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, `${name}${SUFFIX}`)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
