import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twilioSignatureFor } from '../../functions/adapters/twilio/signature';
import { readConfig } from '../../local/config';
import { type Runtime, startRuntime } from '../../local/runtime';
import { localTwilioAuthToken } from '../../local/twilio-token';

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

function runCli(
  args: string[],
  stdin: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'local/cli/call.ts', ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('close', (code) => resolve({ code, out }));
    child.stdin.end(stdin);
  });
}

describe('voice doors of the running local runtime', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'contact-router-voice-'));
  const saved = process.env.SMTP_PORT;
  let runtime: Runtime;

  beforeAll(async () => {
    process.env.SMTP_PORT = '0';
    runtime = await startRuntime(
      readConfig({ PORT: '0', DATA_DIR: dataDir, CONTACT_ROUTER_NOW: '2026-11-23T12:00:00.000Z' }),
    );
  });
  afterAll(async () => {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.SMTP_PORT;
    else process.env.SMTP_PORT = saved;
  });

  it('npm run call finds the runtime by its data folder, echoes the keys and ends in the right queue', async () => {
    // Act: Camille calls the French line: stays in French, arrival problem, booking and PIN, agent
    const { code, out } = await runCli(
      ['--to', '+33199001100', '--from', '+33612345678'],
      '\n4\n1000000016#\n1111\n1\n',
      { DATA_DIR: dataDir, PORT: '9' },
    );
    // Assess
    expect(code).toBe(0);
    expect(out).toContain('(keys 1 0 0 0 0 0 0 0 1 6 #)');
    expect(out).toContain('[fr-FR · Lea] Bienvenue au service client.');
    // the language menu: each option read by a voice of its language
    expect(out).toMatch(/\[fr-FR · Zhiyu\] \S/);
    expect(out).toMatch(/\[fr-FR · Tatyana\] \S/);
    expect(out).toContain('Hôtel Lumière Paris');
    expect(out).toMatch(/Call queued: fr-team at priority 1, case CR-[0-9A-Z]{6}/);
    const queues = (await (await fetch(`${runtime.url}/api/queues`)).json()) as Json;
    expect(queues.queues['fr-team']).toEqual([
      expect.objectContaining({ channel: 'voice', priority: 1, verified: true, topic: 'arrival_problem' }),
    ]);
  });

  it('takes a sentence as speech at a menu', async () => {
    const { out } = await runCli(
      ['--to', '+442079460100', '--from', '+447700900123', '--url', runtime.url],
      '\nI need to cancel my reservation\n#\n',
    );
    expect(out).toContain('(speech "I need to cancel my reservation" → 2)');
    expect(out).toMatch(/Call queued: en-team at priority \d/);
  });

  it('answers Twilio Voice with TwiML when signed with the local token, 403 otherwise', async () => {
    const url = `${runtime.doorsUrl}/twilio/voice`;
    const params = { CallSid: 'CAe2e', From: '+34612345678', To: '+34910000100' };
    const body = new URLSearchParams(params).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const unsigned = await fetch(url, { method: 'POST', headers, body });
    const signature = twilioSignatureFor(localTwilioAuthToken(dataDir), url, params);
    const signed = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'x-twilio-signature': signature },
      body,
    });
    expect(unsigned.status).toBe(403);
    expect(signed.status).toBe(200);
    expect(signed.headers.get('content-type')).toContain('text/xml');
    expect(await signed.text()).toContain('Bienvenido al servicio de atención al cliente.');
  });
});
