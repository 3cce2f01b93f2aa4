import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** One file of the console, ready to send. */
export interface Asset {
  readonly contentType: string;
  readonly body: string;
}

const WEB = fileURLToPath(new URL('./web/', import.meta.url));

/** The console's files by URL path: the page, its stylesheet and its script bundled by esbuild. */
export type ConsoleAssets = ReadonlyMap<string, Asset>;

/** Bundles the console's TypeScript (Preact + htm) into one minified ES module, in memory. */
async function bundleScript(): Promise<string> {
  const result = await build({
    entryPoints: [`${WEB}main.ts`],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2020',
    platform: 'browser',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced no console bundle');
  return out.text;
}

/** Builds the console once (about 100 ms); every later request is served from memory. */
export async function buildConsoleAssets(): Promise<ConsoleAssets> {
  const [page, styles, script] = await Promise.all([
    readFile(`${WEB}index.html`, 'utf8'),
    readFile(`${WEB}styles.css`, 'utf8'),
    bundleScript(),
  ]);
  return new Map<string, Asset>([
    ['/', { contentType: 'text/html; charset=utf-8', body: page }],
    ['/console/app.css', { contentType: 'text/css; charset=utf-8', body: styles }],
    ['/console/app.js', { contentType: 'text/javascript; charset=utf-8', body: script }],
  ]);
}
