// `npm run erase -- --phone +447700900123` or `-- --email guest@example.com`: asks the running local
// runtime (found through its runtime file or port) to erase that guest, and prints the erasure id and
// what was erased. In AWS the same is the erase-guest Lambda (README, "Erasure and retention").
import { parseArgs } from 'node:util';
import { findRuntime, whereLooked } from './find-runtime';

const USAGE =
  'usage: npm run erase -- --phone +447700900123 | --email guest@example.com [--url http://127.0.0.1:3000]';

function fail(message: string, code = 2): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(code);
}

async function main(): Promise<void> {
  let values: { phone?: string; email?: string; url?: string };
  try {
    ({ values } = parseArgs({
      options: { phone: { type: 'string' }, email: { type: 'string' }, url: { type: 'string' } },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  const given = [values.phone, values.email].filter((v) => v !== undefined);
  if (given.length !== 1) fail('name the guest by exactly one of --phone or --email');
  const runtime = values.url ? undefined : await findRuntime();
  const base = (values.url ?? runtime?.url ?? '').replace(/\/$/, '');
  if (!base) fail(`cannot find a running runtime (is \`npm start\` running?): ${whereLooked()}`);
  // URLSearchParams encodes "+" as %2B: a bare "+" in a query string would arrive as a space.
  const query = new URLSearchParams(
    values.phone !== undefined ? { phone: values.phone } : { email: values.email ?? '' },
  );
  let response: Response;
  try {
    response = await fetch(`${base}/api/customers?${query}`, { method: 'DELETE' });
  } catch (error) {
    fail(`cannot reach ${base} (is \`npm start\` running?): ${(error as Error).message}`, 1);
  }
  const body = (await response.json()) as {
    erasureId?: string;
    erased?: Record<string, number>;
    error?: string;
  };
  if (!response.ok) fail(`${response.status}: ${body.error ?? 'erasure refused'}`, 1);
  console.log(`erased (${body.erasureId})`);
  for (const [kind, count] of Object.entries(body.erased ?? {})) console.log(`  ${kind.padEnd(9)} ${count}`);
}

await main();
