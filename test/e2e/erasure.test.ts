import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import nodemailer from 'nodemailer';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_TABLES } from '../../local/app';
import { readConfig } from '../../local/config';
import { demoBookingRows } from '../../local/demo/demo-bookings';
import { emailDoorAddress } from '../../local/doors/email-door';
import { ERASURE_LOG } from '../../local/http/privacy-routes';
import { type Runtime, startRuntime } from '../../local/runtime';
import { localTwilioAuthToken } from '../../local/twilio-token';
import { rawHttp } from '../support/raw-http';

// Camille Martin (demo bookings 1000000016 and 1000000149): an incident at her hotel in Paris tells her
// by SMS, her Nice booking's refund is paid (told at once) and its dates move while it is night where she
// now is (held for the morning); she writes by SMS (attached to the incident) and by email, an agent
// notes something about her; then she asks to be forgotten.
const NOW = '2026-11-23T10:00:00.000Z';
const PHONE = '+33612345678';
const EMAIL = 'camille.martin@example.fr';
const SMS_TEXT = 'Je suis devant la porte, le code ne marche pas. Réservation 1000000016';
const MAIL_TEXT = 'Bonjour, puis-je arriver à Nice avec mon chien Filou ? Réservation 1000000149. Camille';
const NOTE = 'Guest says her dog Filou is small';
const INCIDENT = { fr: 'Panne d’ascenseur à l’Hôtel Lumière : nous vous aidons avec vos bagages.' };
const run = promisify(execFile);

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

describe('erasure through the local API', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'contact-router-erasure-'));
  const saved = process.env.SMTP_PORT;
  let runtime: Runtime;
  let outbox: string;
  const api = (path: string, init?: RequestInit) => fetch(`${runtime.url}${path}`, init);
  const erase = async (query: string) => {
    const response = await api(`/api/customers?${query}`, { method: 'DELETE' });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const tableText = async () => {
    const out = await runtime.app.dynamoClient.send(new ScanCommand({ TableName: LOCAL_TABLES.main }));
    return JSON.stringify(out.Items ?? []);
  };
  const queuesText = async () => {
    const out = await runtime.app.dynamoClient.send(
      new ScanCommand({ TableName: LOCAL_TABLES.waitingLists }),
    );
    return JSON.stringify(out.Items ?? []);
  };
  let smsCase = '';
  let mailCase = '';
  let rawMail = '';
  let incidentId = '';
  let held: Json = {};
  const putBooking = async (row: Json) => {
    const response = await api(`/api/bookings/${row.reference}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(row),
    });
    return ((await response.json()) as Json).guestUpdate as Json;
  };

  beforeAll(async () => {
    process.env.SMTP_PORT = '0';
    runtime = await startRuntime(readConfig({ PORT: '0', DATA_DIR: dataDir, CONTACT_ROUTER_NOW: NOW }));
    const door = emailDoorAddress(runtime.banner);
    if (!door) throw new Error('no email door');
    outbox = door.outbox;
    // Prepare: an incident that notifies, and two booking updates (one sent, one held for the night)
    const declared = await api('/api/incidents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Ascenseur en panne',
        match: { bookingRefs: ['1000000016'] },
        message: INCIDENT,
        notify: true,
        priority: 2,
      }),
    });
    incidentId = ((await declared.json()) as Json).incident.id;
    await runtime.retryNow();
    const nice = demoBookingRows(new Date(NOW)).find((r) => r.reference === '1000000149') as Json;
    await putBooking({ ...nice, refundStatus: 'paid' });
    // 23:00 in Auckland: the new dates wait for 08:00 there.
    held = await putBooking({
      ...nice,
      refundStatus: 'paid',
      guestTimeZone: 'Pacific/Auckland',
      checkIn: '2027-01-23',
      checkOut: '2027-01-28',
    });
    // One SMS through the signed messaging door, one mail through the SMTP door, one note
    const url = `${runtime.doorsUrl}/twilio/messaging`;
    const params = {
      MessageSid: 'SM000000000000000000000000erase01',
      From: PHONE,
      To: '+33757000000',
      Body: SMS_TEXT,
    };
    const signed = (form: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': getExpectedTwilioSignature(localTwilioAuthToken(dataDir, {}), url, form),
        },
        body: new URLSearchParams(form).toString(),
      });
    const sms = await signed(params);
    smsCase = /(CR-\w{6})/.exec(await sms.text())?.[1] ?? '';
    // Then STOP: an opt-out keyed by her number, and a second contact on the same case.
    await signed({ ...params, MessageSid: 'SM000000000000000000000000erase02', Body: 'STOP' });
    const smtp = nodemailer.createTransport({
      host: '127.0.0.1',
      port: door.port,
      secure: false,
      ignoreTLS: true,
    });
    const sent = await smtp.sendMail({
      from: `Camille Martin <${EMAIL}>`,
      to: 'support@contact-router.local',
      subject: 'Chien Filou',
      text: MAIL_TEXT,
    });
    smtp.close();
    mailCase = /case (CR-\w{6})/.exec(String(sent.response))?.[1] ?? '';
    const contacts = ((await (await api(`/api/cases/${mailCase}`)).json()) as Json).contacts as Json[];
    rawMail = fileURLToPath(contacts.find((c) => c.channel === 'email')?.attachments[0]);
    await api(`/api/cases/${smsCase}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agent: 'agent-7', text: NOTE }),
    });
  });
  afterAll(async () => {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.SMTP_PORT;
    else process.env.SMTP_PORT = saved;
  });

  it('starts with the guest on record everywhere the erasure must reach', async () => {
    // Assess: the premise of the next tests
    expect(smsCase).toMatch(/^CR-/);
    expect(mailCase).toMatch(/^CR-/);
    expect(existsSync(rawMail)).toBe(true);
    expect(readdirSync(outbox).length).toBeGreaterThan(0);
    expect(held).toMatchObject({ sent: false, heldUntil: '2026-11-23T19:00:00.000Z' });
    const view = (await (await api(`/api/incidents/${incidentId}`)).json()) as Json;
    expect(view.incident.counts).toEqual({ notified: 1, contacts: 2, openCases: 1 });
    const sent = ((await (await api('/api/outbox')).json()) as Json).messages as Json[];
    expect(sent.filter((m) => m.to === PHONE).map((m) => m.kind)).toEqual(
      expect.arrayContaining(['incident', 'notification']),
    );
    const text = await tableText();
    for (const value of [PHONE, EMAIL, 'Camille Martin', 'Filou', 'le code ne marche pas', 'remboursement'])
      expect(text).toContain(value);
    // Both acknowledgements went out through the outbound ledger, each to her address, rate-counted.
    for (const value of [
      '"OUTBOUND#',
      '"NOTICE#notify:1000000149:',
      `"INCIDENT#${incidentId}"`,
      `"OUTRATE#${PHONE}"`,
      `"OUTRATE#${EMAIL}"`,
      '"ONEPER#ack:',
      `"OPTOUT#${PHONE}"`,
    ])
      expect(text).toContain(value);
  });

  it('refuses a missing, doubled or malformed contact point with a 400 naming the problem', async () => {
    expect(await erase('')).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    expect((await erase('')).body.error).toMatch(/phone=.*email=/);
    expect((await erase(`phone=%2B33612345678&email=${EMAIL}`)).body.error).toMatch(/not both/);
    expect((await erase('phone=0612345678')).body).toMatchObject({ path: 'phone' });
    expect((await erase('email=not-an-address')).body).toMatchObject({ path: 'email' });
    expect((await erase('name=Camille')).body).toMatchObject({ path: 'name' });
    // Nothing was erased by any of them
    expect(await tableText()).toContain(PHONE);
  });

  it('refuses an erasure from another site’s page or under a foreign Host, erasing nothing', async () => {
    // Act: what a malicious page (or a DNS-rebinding one) could send to the operator port
    const crossSite = await api('/api/customers?phone=%2B33612345678', {
      method: 'DELETE',
      headers: { origin: 'https://evil.example' },
    });
    const rebound = await rawHttp(runtime.url, {
      method: 'DELETE',
      path: '/api/customers?phone=%2B33612345678',
      headers: { host: `evil.example:${new URL(runtime.url).port}` },
    });
    // Assess
    expect(crossSite.status).toBe(403);
    expect(rebound.status).toBe(421);
    expect(await tableText()).toContain(PHONE);
  });

  it('erases the guest by phone: texts, addresses, names, raw mail and sent copies go, counts stay', async () => {
    // Act
    const { status, body } = await erase('phone=%2B33612345678');
    // Assess
    expect(status).toBe(200);
    // Three contacts (two SMS, one mail), each answered once through the outbound ledger, plus the
    // incident's notice and the refund's notification; two booking notices (one still held).
    expect(body.erased).toEqual({
      customers: 1,
      cases: 2,
      contacts: 3,
      rawMails: 1,
      outbox: 5,
      bookings: 2,
      notices: 2,
      incidents: 1,
    });
    const text = await tableText();
    for (const value of [
      PHONE,
      EMAIL,
      'Camille',
      'Filou',
      'le code ne marche pas',
      'remboursement',
      '1000000016',
      '1000000149',
    ])
      expect(text, value).not.toContain(value);
    // Nothing is left to send in her morning; the incident keeps its counts, not her.
    expect(text).not.toContain('DUENOTICES');
    const view = (await (await api(`/api/incidents/${incidentId}`)).json()) as Json;
    expect(view.incident).toMatchObject({ matchedBookings: 1, bookingRefs: ['erased-1'], message: INCIDENT });
    expect(view.incident.counts).toEqual({ notified: 1, contacts: 2, openCases: 0 });
    expect(view.cases).toEqual([
      { caseNumber: smsCase, bookingRef: 'erased-1', contactIds: [], erasedContacts: 2 },
    ]);
    expect(await queuesText()).not.toContain('Camille');
    expect(existsSync(rawMail)).toBe(false);
    expect(readdirSync(outbox)).toEqual([]);
    const kase = (await (await api(`/api/cases/${smsCase}`)).json()) as Json;
    expect(kase.case).toMatchObject({
      status: 'closed',
      contactCount: 2,
      topic: 'arrival_problem',
      language: 'fr',
    });
    expect(kase.contacts[0]).toMatchObject({ from: '[erased]', text: '', channel: 'sms' });
  });

  it('answers zeros the second time, and npm run erase by the other address finds nothing more', async () => {
    // Act
    const again = await erase('phone=%2B33612345678');
    const cli = await run(process.execPath, ['--import', 'tsx', 'local/cli/erase.ts', '--email', EMAIL], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '9' },
    });
    // Assess
    expect(again.body.erased).toEqual({
      customers: 0,
      cases: 0,
      contacts: 0,
      rawMails: 0,
      outbox: 0,
      bookings: 0,
      notices: 0,
      incidents: 0,
    });
    expect(cli.stdout).toMatch(/^erased \(ER-[0-9a-f-]+\)\n/);
    expect(cli.stdout).toMatch(/contacts\s+0\n/);
  });

  it('npm run erase refuses to guess when given both addresses', async () => {
    const both = run(
      process.execPath,
      ['--import', 'tsx', 'local/cli/erase.ts', '--email', EMAIL, '--phone', PHONE],
      {
        env: { ...process.env, DATA_DIR: dataDir },
      },
    );
    await expect(both).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/exactly one/) });
  });

  it('keeps an audit trail of erasure ids and counts that names nobody', () => {
    const lines = readFileSync(join(dataDir, ERASURE_LOG), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    const first = JSON.parse(lines[0] as string) as Json;
    expect(first).toMatchObject({ subject: 'phone', erased: { contacts: 3 } });
    expect(first.erasureId).toMatch(/^ER-/);
    // The number's own digits, not a fragment that a time's milliseconds may spell.
    const log = lines.join('\n');
    expect(log).not.toContain(PHONE.slice(3));
    expect(log).not.toMatch(/camille/i);
  });
});
