import { readdirSync, readFileSync } from 'node:fs';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../local/config';
import { emailDoorAddress } from '../../local/doors/email-door';
import { type Runtime, startRuntime } from '../../local/runtime';

const NOW = '2026-11-23T10:00:00.000Z';
const SUPPORT = 'support@contact-router.local';

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

describe('local email door over SMTP', () => {
  let runtime: Runtime;
  let smtp: Transporter;
  let outbox: string;
  const saved = { port: process.env.SMTP_PORT, max: process.env.EMAIL_MAX_BYTES };

  const get = async (path: string) => (await (await fetch(`${runtime.url}${path}`)).json()) as Json;
  const send = async (mail: SendMailOptions) =>
    String((await smtp.sendMail({ to: SUPPORT, ...mail })).response);
  const caseOf = (response: string) => /case (CR-[0-9A-Z]{6})/.exec(response)?.[1];

  beforeAll(async () => {
    process.env.SMTP_PORT = '0';
    process.env.EMAIL_MAX_BYTES = '20000';
    runtime = await startRuntime({
      ...readConfig({ PORT: '0', CONTACT_ROUTER_NOW: NOW }),
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
    process.env.SMTP_PORT = saved.port;
    process.env.EMAIL_MAX_BYTES = saved.max;
    if (saved.port === undefined) delete process.env.SMTP_PORT;
    if (saved.max === undefined) delete process.env.EMAIL_MAX_BYTES;
  });

  it('turns mail into a case, queues it for the team and answers through the outbox and an .eml file', async () => {
    // Act: Camille writes from her booking's address on her check-in day
    const response = await send({
      from: 'Camille Martin <camille.martin@example.fr>',
      subject: 'Arrivée ce soir',
      text: 'Bonjour, la réception sera-t-elle ouverte après minuit ? Réservation 1000000016.',
    });
    // Assess
    const caseNumber = caseOf(response) as string;
    expect(response).toMatch(/recorded; case CR-\w{6}; ack sent/);
    const kase = await get(`/api/cases/${caseNumber}`);
    expect(kase.case.queue).toBe('fr-team');
    expect(kase.contacts[0]).toMatchObject({
      channel: 'email',
      from: 'camille.martin@example.fr',
      verification: 'sender_matches',
    });
    const outboxed = (await get('/api/outbox')).messages.find((m: Json) => m.caseNumber === caseNumber);
    expect(outboxed).toMatchObject({
      kind: 'acknowledgement',
      channel: 'email',
      delivery: 'sent',
      to: 'camille.martin@example.fr',
      language: 'fr',
    });
    expect(outboxed.subject).toBe(`Re: Arrivée ce soir [${caseNumber}]`);
    const files = readdirSync(outbox).map((f) => readFileSync(`${outbox}/${f}`, 'utf8'));
    const eml = files.find((f) => f.includes(caseNumber)) ?? '';
    expect(eml).toMatch(/^Auto-Submitted: auto-replied$/m);
    expect(eml).toMatch(/^In-Reply-To: <.+>$/m);
  });

  it('threads a reply by In-Reply-To and another by the case number in the subject, acknowledging neither again', async () => {
    // Prepare
    const first = await send({
      from: 'emily.carter@example.co.uk',
      subject: 'Late check-out',
      text: 'Can I check out at 2 pm?',
    });
    const caseNumber = caseOf(first) as string;
    // The Message-ID of the acknowledgement the guest's mail client got, read from the .eml written
    const eml = readdirSync(outbox)
      .map((f) => readFileSync(`${outbox}/${f}`, 'utf8'))
      .find((f) => f.includes(caseNumber));
    const ackId = /^Message-ID: (<[^>]+>)$/im.exec(eml ?? '')?.[1] as string;
    // Act
    const byHeader = await send({
      from: 'emily.carter@example.co.uk',
      subject: 'Re: Late check-out',
      inReplyTo: ackId,
      references: [ackId],
      text: 'Also, is breakfast included?\n\nOn Mon, Support wrote:\n> We have received your message.',
    });
    const bySubject = await send({
      from: 'emily.carter@example.co.uk',
      subject: `Parking [${caseNumber}]`,
      text: 'And parking?',
    });
    // Assess
    expect(caseOf(byHeader)).toBe(caseNumber);
    expect(caseOf(bySubject)).toBe(caseNumber);
    expect(byHeader).toContain('ack suppressed (already acknowledged on this case)');
    const contacts = (await get(`/api/cases/${caseNumber}`)).contacts as Json[];
    expect(contacts).toHaveLength(3);
    expect(contacts[1]?.text).toBe('Also, is breakfast included?');
  });

  it('records an out-of-office reply without answering it', async () => {
    const response = await send({
      from: 'jonas.becker@example.de',
      subject: 'Automatische Antwort',
      text: 'Ich bin nicht im Büro.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(response).toMatch(/recorded; case CR-\w{6}; ack suppressed \(auto-reply\); no-reply auto-reply$/);
  });

  it('keeps an oversized message and answers with a short notice', async () => {
    // Act
    const response = await send({
      from: 'lucia.garcia@example.es',
      subject: 'Fotos',
      text: 'Adjunto fotos.',
      attachments: [{ filename: 'foto.jpg', content: Buffer.alloc(30_000, 7) }],
    });
    // Assess
    const caseNumber = caseOf(response) as string;
    const contact = (await get(`/api/cases/${caseNumber}`)).contacts[0];
    expect(contact.text).toMatch(/over the 20000-byte limit/);
    const answer = (await get('/api/outbox')).messages.find((m: Json) => m.caseNumber === caseNumber);
    // Only the subject was read, so the notice comes in the default language.
    expect(answer.text).toMatch(
      /^Your message \(0\.04 MB\) is larger than the 0\.02 MB we read automatically/,
    );
    expect(answer.text).toContain(caseNumber);
  });
});
