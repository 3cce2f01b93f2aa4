// `npm run telegram` against a running local runtime found through its data folder: an update with the
// runtime's webhook secret, what the guest got back, and a clear refusal with the wrong secret.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../local/config';
import { type Runtime, startRuntime } from '../../local/runtime';

const run = promisify(execFile);
const NOW = '2026-11-23T10:00:00+01:00';

describe('npm run telegram', () => {
  let runtime: Runtime;
  const dataDir = mkdtempSync(join(tmpdir(), 'contact-router-telegram-'));
  const saved = process.env.TELEGRAM_BOT_TOKEN;
  const cli = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, ['--import', 'tsx', 'local/cli/telegram.ts', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '9', ...env },
    });

  beforeAll(async () => {
    delete process.env.TELEGRAM_BOT_TOKEN;
    runtime = await startRuntime(readConfig({ PORT: '0', DATA_DIR: dataDir, CONTACT_ROUTER_NOW: NOW }));
  });
  afterAll(async () => {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (saved !== undefined) process.env.TELEGRAM_BOT_TOKEN = saved;
  });

  it('sends an authenticated update, then the guest’s own contact, and prints each answer', async () => {
    // Act
    const first = await cli([
      '--from',
      '5123456789',
      '--text',
      'Bonjour, où est la clé ?',
      '--language',
      'fr',
    ]);
    const shared = await cli(['--from', '5123456789', '--share-phone', '+33612345678', '--name', 'Camille']);
    // Assess: an answer with the contact button first, then the case continued once she is verified
    expect(first.stdout).toMatch(/^200 update \d+: new_case\nsent: .*CR-\w+/);
    expect(first.stdout).toContain('[button: share my phone number]');
    expect(shared.stdout).toMatch(/^200 update \d+: continued_case\n/);
    expect(await runtime.app.bookings.findCustomer('telegram:5123456789')).toMatchObject({
      messengerIds: ['telegram:5123456789'],
    });
  });

  it('says the secret was refused, and how to fix it', async () => {
    const failed = await cli(['--from', '5123456789', '--text', 'Bonjour'], {
      TELEGRAM_WEBHOOK_SECRET: 'not-the-runtime-secret',
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('401 from');
    expect((failed as { stderr: string }).stderr).toContain('wrong X-Telegram-Bot-Api-Secret-Token');
  });
});
