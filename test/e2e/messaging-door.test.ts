import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
// The twilio library itself signs here, as Twilio's servers would.
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../local/config';
import { type Runtime, startRuntime } from '../../local/runtime';
import { localTwilioAuthToken } from '../../local/twilio-token';

// Monday 23 Nov 2026, 22:10 in Paris: the French team has closed; demo booking 1000000016 is Camille's,
// checking in tonight at Hôtel Lumière Paris, phone +33612345678.
const NOW = '2026-11-23T22:10:00+01:00';
const run = promisify(execFile);

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

describe('messaging door on the local runtime', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'contact-router-sms-'));
  let runtime: Runtime;
  let token: string;
  let url: string;

  async function send(params: Record<string, string>, signature?: string) {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature ?? getExpectedTwilioSignature(token, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    };
  }
  const api = async (path: string) => (await (await fetch(`${runtime.url}${path}`)).json()) as Json;

  beforeAll(async () => {
    runtime = await startRuntime(readConfig({ PORT: '0', DATA_DIR: dataDir, CONTACT_ROUTER_NOW: NOW }));
    token = localTwilioAuthToken(dataDir, {});
    url = `${runtime.doorsUrl}/twilio/messaging`;
  });
  afterAll(async () => {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the local auth token and the webhook path at start-up', () => {
    expect(runtime.banner.join('\n')).toContain(
      `POST /twilio/messaging on the doors port  (Twilio auth token ${token}, in ${dataDir}/twilio-auth-token`,
    );
  });

  it('turns a signed SMS into a case, a queue entry and a TwiML reply in French', async () => {
    const params = {
      MessageSid: 'SM00000000000000000000000000e2e001',
      From: '+33612345678',
      To: '+33757000000',
      Body: "Je suis devant l'hôtel, la réception est fermée ! Réservation 1000000016",
      NumMedia: '0',
    };
    const reply = await send(params);
    expect(reply.status).toBe(200);
    expect(reply.type).toMatch(/^text\/xml/);
    const caseNumber = /dossier est (CR-\w+)/.exec(reply.body)?.[1] ?? '';
    expect(caseNumber).toMatch(/^CR-/);

    const kase = await api(`/api/cases/${caseNumber}`);
    expect(kase.case.bookingRef).toBe('1000000016');
    const queues = await api('/api/queues');
    const waiting = (queues.queues['global-247'] as Json[]).find((c) => c.caseNumber === caseNumber);
    expect(waiting).toMatchObject({ channel: 'sms', priority: 1, topic: 'arrival_problem' });
    expect(waiting?.reasons.join(' ')).toContain('fr-team closed');
  });

  it('refuses a request signed with another token, and one for another URL', async () => {
    const params = {
      MessageSid: 'SM00000000000000000000000000e2e002',
      From: '+33612345678',
      To: '+33757000000',
      Body: 'x',
    };
    expect((await send(params, getExpectedTwilioSignature('not-the-token', url, params))).status).toBe(403);
    expect((await send(params, getExpectedTwilioSignature(token, `${url}?x=1`, params))).status).toBe(403);
    expect((await api('/api/outbox')).messages.flatMap((m: Json) => m.inReplyTo)).not.toContain(
      `sms:${params.MessageSid}`,
    );
  });

  it('answers a WhatsApp media message and a redelivery of it once', async () => {
    const params = {
      MessageSid: 'MM00000000000000000000000000e2e003',
      From: 'whatsapp:+4915112345678',
      To: 'whatsapp:+14155238886',
      WaId: '4915112345678',
      ProfileName: 'Jonas',
      Body: 'Ich möchte meine Buchung stornieren',
      NumMedia: '1',
      MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1',
      MediaContentType0: 'image/jpeg',
    };
    const first = await send(params);
    const again = await send(params);
    expect(first.status).toBe(200);
    expect(first.body).toContain('Fallnummer');
    expect(again.body).toBe(first.body);
    const answers = (await api('/api/outbox')).messages.filter((m: Json) =>
      m.inReplyTo.includes(`whatsapp:${params.MessageSid}`),
    );
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ kind: 'acknowledgement', channel: 'whatsapp', delivery: 'inline' });
    const contacts = (await api(`/api/cases/${answers[0]?.caseNumber}`)).contacts as Json[];
    expect(contacts).toHaveLength(1);
    expect(contacts[0]?.attachments).toEqual([params.MediaUrl0]);
  });

  it('npm run sms finds the runtime through its data folder alone, signs correctly and prints the reply', async () => {
    // Act: no --url, no PORT: the runtime file in DATA_DIR says where the doors are
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'local/cli/sms.ts', '--from', '+393331234567', '--body', 'Vorrei cambiare le date'],
      { env: { ...process.env, DATA_DIR: dataDir, PORT: '9' } },
    );
    // Assess
    expect(stdout).toMatch(/^200 SM[0-9a-f]{32}\n/);
    expect(stdout).toMatch(/Il numero della sua pratica è CR-\w+/);
  });

  it('npm run sms with a wrong token says the signature was refused and how to fix it', async () => {
    // Act
    const failed = await run(
      process.execPath,
      ['--import', 'tsx', 'local/cli/sms.ts', '--from', '+393331234567', '--body', 'Ciao'],
      { env: { ...process.env, DATA_DIR: dataDir, TWILIO_AUTH_TOKEN: 'not-the-runtime-token' } },
    ).catch((error: { code: number; stderr: string }) => error);
    // Assess
    expect(failed).toMatchObject({ code: 1 });
    const stderr = (failed as { stderr: string }).stderr;
    expect(stderr).toContain('the door refused the signature. This command signed with TWILIO_AUTH_TOKEN');
    expect(stderr).toContain('Fix: start the runtime and this command with the same TWILIO_AUTH_TOKEN');
  });

  it('npm run sms with no runtime to find says where it looked, and writes no token anywhere', async () => {
    // Prepare: a data folder no runtime uses, and a port nothing listens on
    const empty = mkdtempSync(join(tmpdir(), 'contact-router-no-runtime-'));
    // Act
    const failed = await run(
      process.execPath,
      ['--import', 'tsx', 'local/cli/sms.ts', '--from', '+393331234567', '--body', 'Ciao'],
      { env: { ...process.env, DATA_DIR: empty, PORT: '9' } },
    ).catch((error: { code: number; stderr: string }) => error);
    // Assess
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain(
      `cannot find a running runtime (is \`npm start\` running?): no runtime.json of a running runtime in ${empty}`,
    );
    expect(readdirSync(empty)).toEqual([]);
    rmSync(empty, { recursive: true, force: true });
  });
});
