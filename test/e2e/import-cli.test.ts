import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScryptPinHasher } from '../../functions/adapters/crypto/scrypt-pin-hasher';
import { DynamoBookingStore } from '../../functions/adapters/dynamodb/booking-store';
import { REPO_ROOT } from '../../infra/constructs/bundling';
import { type Dynalite, startDynalite } from '../support/dynalite';

const run = promisify(execFile);
const FIXTURE = 'test/fixtures/import/mixed.jsonl';
const PEPPER = 'stack-pepper-0123456789abcdef';

// The import a deployer runs against the stack's table: dynalite stands in for DynamoDB, reached the way
// the AWS SDK reaches any endpoint it is pointed at.
describe('npm run import -- <file> --table <name>', () => {
  let db: Dynalite;

  beforeAll(async () => {
    db = await startDynalite({ main: 'contact-router-prod' });
  });
  afterAll(() => db.stop());

  async function importCli(args: string[], extraEnv: Record<string, string> = { PIN_PEPPER: PEPPER }) {
    const env = {
      ...extraEnv,
      PATH: process.env.PATH,
      AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      // No local runtime may be reached instead: a port nothing listens on.
      PORT: '9',
    };
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        ['--import', 'tsx', 'local/cli/import.ts', ...args],
        {
          cwd: REPO_ROOT,
          env,
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('writes the good rows into the named table, PINs verifiable by the Lambdas, and lists each bad row', async () => {
    // Act
    const result = await importCli([FIXTURE, '--table', 'contact-router-prod']);
    // Assess
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `imported 2 booking(s) for 1 customer(s) from ${FIXTURE} into contact-router-prod`,
    );
    expect(result.stderr).toMatch(/mixed\.jsonl:4: reference: wrong check digit/);
    const store = new DynamoBookingStore(db.documentClient, 'contact-router-prod');
    const booking = (await store.getBooking('2000000014', new Date()))?.booking;
    expect(booking).toMatchObject({ status: 'confirmed', propertyName: 'Hotel Aurora Lisboa' });
    expect(JSON.stringify(booking)).not.toContain('"4321"');
    const stackHasher = new ScryptPinHasher(undefined, async () => PEPPER);
    expect(await stackHasher.verify('4321', booking?.pinHash ?? '')).toBe(true);
    expect(booking?.pinHash).toMatch(/^scrypt-hmac@[\w-]{8}\$/);
    const customer = await store.findCustomer('joao.pereira@example.pt');
    expect(customer?.bookingRefs).toEqual(['2000000014', '2000000022']);
  });

  it('fails naming the cause when the table does not exist, and refuses a malformed command line', async () => {
    const missing = await importCli([FIXTURE, '--table', 'no-such-table']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^import failed: table no-such-table not found in eu-west-1: /m);
    const typo = await importCli([FIXTURE, '--tabel', 'contact-router-prod']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("Unknown option '--tabel'");
    expect(typo.stderr).toContain('usage: npm run import');
  });

  it('refuses to import into a table without the stack’s PIN pepper, naming where to find it', async () => {
    const result = await importCli([FIXTURE, '--table', 'contact-router-prod'], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "import failed: --table needs the stack's PIN pepper: --pin-pepper-secret <the PinPepperSecretArn output>",
    );
    expect(result.stdout).toBe('');
  });
});
