// Each Lambda's bundle as it deploys (esbuild with infra/constructs/bundling.ts settings: minified ESM,
// AWS SDK v3 bundled in) and the time a fresh Node process takes to import it, against peers in the
// same run: the same handler leaning on the Lambda runtime's SDK (@aws-sdk/* external), the handler's
// own code alone (SDK replaced by an empty stub: what the SDK costs is the difference), and bare
// imports of SDK clients. Prints figures and the largest inputs; asserts nothing. Targets: ≤ 400 KB
// minified, ≤ 60 ms cold import.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';
import { rollingHolidaySource } from '../functions/adapters/holidays/date-holidays-calendar';
import { loadRoutingPolicy } from '../functions/domain/routing/load-policy';
import { esbuildApiOptions, REPO_ROOT, RUNTIME_SDK_EXTERNALS } from '../infra/constructs/bundling';
import { HANDLER_ENTRIES } from '../infra/constructs/handler-entries';

const RUNS = 7;
// The calendar a synthesis today would bake into every bundle (infra/bin/app.ts).
const CALENDAR = loadRoutingPolicy(
  JSON.parse(readFileSync(join(REPO_ROOT, 'policy/routing-policy.json'), 'utf8')),
  rollingHolidaySource(new Date()),
).calendar;
// Inside node_modules so the runtime-SDK builds' external @aws-sdk/* imports resolve, as on Lambda.
const OUT = join(REPO_ROOT, 'node_modules/.cache/bundle-bench');

type Variant = 'deployed' | 'runtimeSdk' | 'ownCode';

// Every @aws-sdk/* import becomes a do-nothing proxy, so only our code and other packages load.
const stubSdk: Plugin = {
  name: 'stub-aws-sdk',
  setup(b) {
    b.onResolve({ filter: /^@aws-sdk\// }, (a) => ({ path: a.path, namespace: 'sdk-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'sdk-stub' }, () => ({
      contents:
        'const P = new Proxy(function () {}, { get: (_t, k) => (k === "then" ? undefined : P), construct: () => P, apply: () => P }); module.exports = P;',
      loader: 'js',
    }));
  },
};

async function bundle(entry: string, name: string, variant: Variant) {
  const outfile = join(OUT, variant, name, 'index.mjs');
  const options = esbuildApiOptions(CALENDAR, true);
  const result = await build({
    ...options,
    external: variant === 'runtimeSdk' ? RUNTIME_SDK_EXTERNALS : options.external,
    plugins: variant === 'ownCode' ? [stubSdk] : [],
    entryPoints: [join(REPO_ROOT, entry)],
    outfile,
    metafile: true,
    logLevel: 'error',
  });
  return { outfile, size: statSync(outfile).size, metafile: result.metafile };
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

// The packages (or our own folders) that take the most room in a bundle.
function largestInputs(metafile: Metafile, count: number): string {
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint);
  const byPackage = new Map<string, number>();
  for (const [file, input] of Object.entries(output?.inputs ?? {})) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? file.split('/').slice(0, 3).join('/');
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + input.bytesInOutput);
  }
  return [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([pkg, bytes]) => `${pkg} ${kb(bytes)}`)
    .join(', ');
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const mark = (ok: boolean) => (ok ? 'ok' : 'OVER');
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  console.log(
    `node ${process.version}; median of ${RUNS} fresh processes per import; targets ≤ 400 KB, ≤ 60 ms`,
  );
  console.log(
    'handler            deployed: size, cold import       runtime SDK: size, import   own code alone: import',
  );
  const largest: string[] = [];
  for (const [name, entry] of Object.entries(HANDLER_ENTRIES)) {
    if (!existsSync(join(REPO_ROOT, entry))) {
      console.log(`${name.padEnd(18)} missing: ${entry}`);
      continue;
    }
    const deployed = await bundle(entry, name, 'deployed');
    const runtime = await bundle(entry, name, 'runtimeSdk');
    const own = await bundle(entry, name, 'ownCode');
    const deployedMs = coldImportMs(pathToFileURL(deployed.outfile).href);
    const runtimeMs = coldImportMs(pathToFileURL(runtime.outfile).href);
    const ownMs = coldImportMs(pathToFileURL(own.outfile).href);
    console.log(
      `${name.padEnd(18)} ${kb(deployed.size).padStart(8)} ${mark(deployed.size <= 400 * 1024).padEnd(4)} ${ms(deployedMs).padStart(7)} ${mark(deployedMs <= 60).padEnd(4)}` +
        `   ${kb(runtime.size).padStart(8)} ${mark(runtime.size <= 400 * 1024).padEnd(4)} ${ms(runtimeMs).padStart(7)}` +
        `   ${ms(ownMs).padStart(7)}`,
    );
    largest.push(`${name}: ${largestInputs(deployed.metafile, 5)}`);
  }
  for (const client of ['@aws-sdk/client-dynamodb', '@aws-sdk/client-connect'])
    console.log(`peer: bare import of ${client} (runtime-style): ${ms(coldImportMs(client))}`);
  console.log('\nlargest inputs of the deployed bundles:');
  for (const line of largest) console.log(`  ${line}`);
}

await main();
