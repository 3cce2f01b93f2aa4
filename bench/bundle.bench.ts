// Each Lambda's bundle as it deploys (esbuild with infra/constructs/bundling.ts settings: minified
// ESM, AWS SDK v3 left to the runtime) and the time a fresh Node process takes to import it, against
// peers in the same run: the same handler unminified, the same handler with the AWS SDK bundled in,
// and a bare import of one AWS SDK client. Prints figures; asserts nothing. Targets: ≤ 400 KB
// minified, ≤ 60 ms cold import.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { esbuildApiOptions, REPO_ROOT } from '../infra/constructs/bundling';
import { HANDLER_ENTRIES } from '../infra/constructs/handler-entries';

const RUNS = 7;
// Inside node_modules so the bundles' external @aws-sdk/* imports resolve, as on Lambda.
const OUT = join(REPO_ROOT, 'node_modules/.cache/bundle-bench');

type Variant = 'min' | 'plain' | 'sdk';

async function bundle(entry: string, name: string, variant: Variant): Promise<string> {
  const outfile = join(OUT, variant, name, 'index.mjs');
  const options = esbuildApiOptions(variant !== 'plain');
  await build({
    ...options,
    external: variant === 'sdk' ? [] : options.external,
    entryPoints: [join(REPO_ROOT, entry)],
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

// Median of RUNS fresh processes, each timing only its own dynamic import.
function coldImportMs(specifier: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: OUT,
      env: {
        ...process.env,
        AWS_REGION: 'us-east-1',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`import ${specifier} failed: ${r.stderr}`);
    times.push(Number(r.stdout.trim()));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)] ?? Number.NaN;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const mark = (ok: boolean) => (ok ? 'ok' : 'OVER');

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  console.log(
    `node ${process.version}; median of ${RUNS} fresh processes per import; targets ≤ 400 KB, ≤ 60 ms`,
  );
  console.log(
    'handler            minified      (unminified, SDK bundled)   cold import     (unminified, SDK bundled)',
  );
  for (const [name, entry] of Object.entries(HANDLER_ENTRIES)) {
    if (!existsSync(join(REPO_ROOT, entry))) {
      console.log(`${name.padEnd(18)} missing: ${entry}`);
      continue;
    }
    const files = {
      min: await bundle(entry, name, 'min'),
      plain: await bundle(entry, name, 'plain'),
      sdk: await bundle(entry, name, 'sdk'),
    };
    const size = statSync(files.min).size;
    const ms = coldImportMs(pathToFileURL(files.min).href);
    const plainMs = coldImportMs(pathToFileURL(files.plain).href);
    const sdkMs = coldImportMs(pathToFileURL(files.sdk).href);
    console.log(
      `${name.padEnd(18)} ${kb(size).padStart(8)} ${mark(size <= 400 * 1024).padEnd(4)} (${kb(statSync(files.plain).size)}, ${kb(statSync(files.sdk).size)})`.padEnd(
        62,
      ) +
        `${ms.toFixed(0).padStart(5)} ms ${mark(ms <= 60).padEnd(4)} (${plainMs.toFixed(0)} ms, ${sdkMs.toFixed(0)} ms)`,
    );
  }
  for (const client of ['@aws-sdk/client-dynamodb', '@aws-sdk/client-connect'])
    console.log(`peer: bare import of ${client}: ${coldImportMs(client).toFixed(1)} ms`);
}

await main();
