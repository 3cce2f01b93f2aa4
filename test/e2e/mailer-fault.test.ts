import { readdirSync } from 'node:fs';
import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../local/config';
import { emailDoorAddress } from '../../local/doors/email-door';
import { type Runtime, startRuntime } from '../../local/runtime';

const SUPPORT = 'support@contact-router.local';

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

describe('the local mailer failing on command (PUT /api/faults {"mailer": "down"})', () => {
  let runtime: Runtime;
  let smtp: Transporter;
  let outbox: string;
  const saved = process.env.SMTP_PORT;

  const faults = async (body: unknown) =>
    (await (
      await fetch(`${runtime.url}/api/faults`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json()) as Json;
  const replyOf = async (from: string) => {
    const { messages } = (await (await fetch(`${runtime.url}/api/outbox?limit=1000`)).json()) as Json;
    return messages.find((m: Json) => m.to === from) as Json | undefined;
  };
  const mail = (from: string, messageId: string) => ({
    from,
    to: SUPPORT,
    subject: 'Annulation',
    text: 'Bonjour, je voudrais annuler ma réservation et être remboursé.',
    messageId,
  });

  beforeAll(async () => {
    process.env.SMTP_PORT = '0';
    runtime = await startRuntime({
      ...readConfig({ PORT: '0', CONTACT_ROUTER_NOW: '2026-11-23T10:00:00.000Z' }),
      dataDir: 'memory',
    });
    const door = emailDoorAddress(runtime.banner);
    if (!door) throw new Error(`no email door in the banner: ${runtime.banner.join(' | ')}`);
    const { port } = door;
    outbox = door.outbox;
    smtp = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  });
  afterAll(async () => {
    smtp.close();
    await runtime.close();
    if (saved === undefined) delete process.env.SMTP_PORT;
    else process.env.SMTP_PORT = saved;
  });

  it('keeps the mail, answers 451, and sends the acknowledgement once the mailer is back', async () => {
    // Prepare
    const from = 'lea.dubois@example.fr';
    const files = () => readdirSync(outbox).length;
    await smtp.sendMail(mail('warm.up@example.fr', '<warm-up@example.fr>'));
    const before = files();
    expect(await faults({ mailer: 'down' })).toEqual({ contactCenter: 'up', mailer: 'down' });
    // Act: the mail arrives while the mailer is down
    const refused = await smtp.sendMail(mail(from, '<lea-1@example.fr>')).then(
      () => undefined,
      (error: { responseCode?: number; message: string }) => error,
    );
    // Assess: a temporary refusal, the contact kept with its acknowledgement pending and the error said
    expect(refused?.responseCode).toBe(451);
    expect(await replyOf(from)).toMatchObject({
      delivery: 'pending',
      error: expect.stringContaining('mailer: down on command'),
    });
    // Act: the mail server tries again after the mailer came back
    await faults({ mailer: 'up' });
    const again = String((await smtp.sendMail(mail(from, '<lea-1@example.fr>'))).response);
    // Assess: the retry is the same message (no second contact); it finishes the pending acknowledgement
    expect(again).toMatch(/duplicate; case CR-\w{6}; ack sent/);
    expect(await replyOf(from)).toMatchObject({ delivery: 'sent', to: from });
    expect(files()).toBe(before + 1);
    // Act: the retry beat
    await runtime.retryNow();
    // Assess: the acknowledgement went out once; the beat sends nothing more
    expect(files()).toBe(before + 1);
  });

  it('refuses an unknown part or state with a clear error', async () => {
    // Act
    const response = await fetch(`${runtime.url}/api/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mailer: 'broken' }),
    });
    // Assess
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('mailer: must be \\"down\\" or \\"up\\"');
  });
});
