// `npm run import -- <file.jsonl|file.json> [--table <name> --pin-pepper-secret <arn>]`: upserts bookings
// and customers, reporting each bad row. With --table it writes to that DynamoDB table in AWS (the deployed
// stack's TableName output), PINs peppered with the secret of its PinPepperSecretArn output (or PIN_PEPPER),
// with the usual AWS credentials and region. Without, it posts to the running local runtime (found through
// its runtime file in DATA_DIR, or on PORT), or opens DATA_DIR itself when none runs.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parsePepperRing } from '../../functions/adapters/crypto/pepper-ring';
import {
  DEFAULT_SCRYPT_COST,
  type PinPepper,
  ScryptPinHasher,
} from '../../functions/adapters/crypto/scrypt-pin-hasher';
import { DynamoBookingStore } from '../../functions/adapters/dynamodb/booking-store';
import { DependencyError } from '../../functions/domain/errors';
import { type ImportReport, importBookings } from '../../functions/domain/import/import-bookings';
import { parseImport } from '../../functions/domain/import/parse-import';
import { documentClient } from '../../functions/shared/aws-clients';
import { awsPinPepper } from '../../functions/shared/aws-secrets';
import { createLocalApp, importDepsOf } from '../app';
import { readConfig } from '../config';
import { findRuntime } from './find-runtime';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const USAGE =
  'usage: npm run import -- <bookings.jsonl | bookings.json> [--table <TableName> --pin-pepper-secret <PinPepperSecretArn>]';

async function viaRuntime(url: string, text: string): Promise<ImportReport> {
  const type = text.trimStart().startsWith('[') ? 'application/json' : 'application/x-ndjson';
  const response = await fetch(`${url}/api/import`, {
    method: 'POST',
    headers: { 'content-type': type },
    body: text,
  });
  const body = (await response.json()) as ImportReport & { error?: string };
  if (response.status === 413)
    throw new Error(`${body.error}: split the file, or import it while the runtime is stopped`);
  if (body.error) throw new Error(body.error);
  return body;
}

async function direct(text: string): Promise<ImportReport> {
  const config = readConfig();
  const { app, store } = await createLocalApp(config);
  try {
    return await importBookings(importDepsOf(app), await parseImport(text));
  } finally {
    await store.close();
  }
}

// The deployed stack's pepper: a PIN hashed without it could never be verified by the Lambdas.
function stackPepper(secretId: string | undefined): PinPepper {
  if (secretId) return awsPinPepper(secretId);
  const fromEnv = process.env.PIN_PEPPER?.trim();
  if (fromEnv) return async () => fromEnv;
  throw new Error(
    "--table needs the stack's PIN pepper: --pin-pepper-secret <the PinPepperSecretArn output> (or PIN_PEPPER)",
  );
}

// The deployed table: the same store and PIN hashing the Lambdas read with, so what is imported verifies.
async function intoTable(table: string, pepper: PinPepper, text: string): Promise<ImportReport> {
  const client = documentClient();
  try {
    const bookings = new DynamoBookingStore(client, table);
    const pinHasher = new ScryptPinHasher(DEFAULT_SCRYPT_COST, pepper);
    // The pepper first: a secret that cannot be read, or is no pepper, must stop the import before
    // any row is written.
    parsePepperRing(await pepper());
    return await importBookings({ bookings, pinHasher, now: new Date() }, await parseImport(text));
  } catch (error) {
    const missing =
      error instanceof DependencyError &&
      error.dependency === 'dynamodb' &&
      (error.cause as { name?: string } | undefined)?.name === 'ResourceNotFoundException';
    if (!missing) throw error;
    const region = await client.config.region();
    throw new Error(
      `table ${table} not found in ${region}: name the stack's TableName output, in the stack's region (AWS_REGION)`,
    );
  } finally {
    client.destroy();
  }
}

// The running runtime (found like the other CLIs find it) owns its data folder; without one, open it here.
async function local(text: string): Promise<ImportReport> {
  const runtime = await findRuntime();
  return runtime ? viaRuntime(runtime.url, text) : direct(text);
}

function parseCommandLine() {
  return parseArgs({
    allowPositionals: true,
    options: { table: { type: 'string' }, 'pin-pepper-secret': { type: 'string' } },
  });
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseCommandLine>;
  try {
    args = parseCommandLine();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  const { values, positionals } = args;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0 || values.table === '') {
    console.error(USAGE);
    process.exit(2);
  }
  const text = readFileSync(file, 'utf8');
  const report = values.table
    ? await intoTable(values.table, stackPepper(values['pin-pepper-secret']), text)
    : await local(text);
  const where = values.table ? ` into ${values.table}` : '';
  console.log(
    `imported ${report.imported} booking(s) for ${report.customers} customer(s) from ${file}${where}`,
  );
  for (const error of report.errors) console.error(`${file}:${error.line}: ${error.reason}`);
  const unlisted = report.failed - report.errors.length;
  if (unlisted > 0)
    console.error(`${file}: ${unlisted} more bad row(s) not listed (${report.failed} in all)`);
  process.exitCode = report.failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
