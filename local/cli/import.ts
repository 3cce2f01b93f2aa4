// `npm run import -- <file.jsonl|file.json>`: upserts bookings and customers, reporting each bad row.
// It posts to a running local runtime (PORT, default 3000); when none answers it opens DATA_DIR itself.
import { readFileSync } from 'node:fs';
import type { ImportReport } from '../../functions/domain/import/import-bookings';
import { importBookings } from '../../functions/domain/import/import-bookings';
import { parseImport } from '../../functions/domain/import/parse-import';
import { createLocalApp } from '../app';
import { readConfig } from '../config';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

async function viaRuntime(url: string, text: string): Promise<ImportReport | undefined> {
  let response: Response;
  try {
    response = await fetch(`${url}/api/import`, { method: 'POST', body: text });
  } catch {
    return undefined;
  }
  const body = (await response.json()) as ImportReport & { error?: string };
  if (body.error) throw new Error(body.error);
  return body;
}

async function direct(text: string): Promise<ImportReport> {
  const config = readConfig();
  const { app, store } = await createLocalApp(config);
  try {
    return await importBookings(
      { bookings: app.bookings, pinHasher: app.pinHasher, now: app.clock.now() },
      parseImport(text),
    );
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run import -- <bookings.jsonl | bookings.json>');
    process.exit(2);
  }
  const text = readFileSync(file, 'utf8');
  const config = readConfig();
  const url = `http://${config.host}:${config.port}`;
  const report = (await viaRuntime(url, text)) ?? (await direct(text));
  console.log(`imported ${report.imported} booking(s) for ${report.customers} customer(s) from ${file}`);
  for (const error of report.errors) console.error(`${file}:${error.line}: ${error.reason}`);
  process.exitCode = report.errors.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
