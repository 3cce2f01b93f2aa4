import nodemailer, { type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../local/config';
import { emailDoorAddress } from '../../local/doors/email-door';
import { type Runtime, startRuntime } from '../../local/runtime';

// Demo booking 1000000016 is Camille's (camille.martin@example.fr, Hôtel Lumière Paris): mail proven to be
// hers is answered with the booking's details and counts as from the booking's owner.
const NOW = '2026-11-23T10:00:00.000Z';
const SUPPORT = 'support@contact-router.local';
const CAMILLE = 'camille.martin@example.fr';
const MALLORY = 'mallory@evil.example';

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

// The local door has no DNS, so no SPF/DKIM/DMARC of its own. With EMAIL_SENDER_PROOF=dmarc it reads
// the verdicts as it does in AWS, from the topmost "Authentication-Results: amazonses.com" of the stored
// message: here the test writes what SES would stamp on the attacker's mail, a real pass for the domain
// the attacker controls.
const sesPass = (domain: string) =>
  `Authentication-Results: amazonses.com; spf=pass (spfCheck: domain of ${domain} designates 192.0.2.7 as permitted sender) client-ip=192.0.2.7; envelope-from=${MALLORY}; helo=mx.${domain}; dkim=pass header.i=@${domain}; dmarc=pass header.from=${domain};`;

let count = 0;
function raw(fromLines: string, authentication: string): string {
  count++;
  return [
    authentication,
    fromLines,
    `To: ${SUPPORT}`,
    'Subject: Ma réservation 1000000016',
    `Message-ID: <attack${count}.${Date.now()}@evil.example>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Bonjour, pouvez-vous me rappeler les dates et l’hôtel de ma réservation 1000000016 ?',
    '',
  ]
    .filter((line, i) => i > 0 || line !== '')
    .join('\r\n');
}

function door(senderProof: string) {
  const state: { runtime?: Runtime; smtp?: Transporter } = {};
  const saved = { proof: process.env.EMAIL_SENDER_PROOF, port: process.env.SMTP_PORT };
  beforeAll(async () => {
    process.env.EMAIL_SENDER_PROOF = senderProof;
    process.env.SMTP_PORT = '0';
    state.runtime = await startRuntime({
      ...readConfig({ PORT: '0', CONTACT_ROUTER_NOW: NOW }),
      dataDir: 'memory',
    });
    const address = emailDoorAddress(state.runtime.banner);
    if (!address) throw new Error('no email door in the banner');
    state.smtp = nodemailer.createTransport({ host: '127.0.0.1', port: address.port, ignoreTLS: true });
  });
  afterAll(async () => {
    state.smtp?.close();
    await state.runtime?.close();
    for (const [name, value] of [
      ['EMAIL_SENDER_PROOF', saved.proof],
      ['SMTP_PORT', saved.port],
    ] as const)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  });
  // Sends over SMTP, then reads the contact and the answer the operator API shows for it.
  return async (message: string) => {
    const { runtime, smtp } = state as Required<typeof state>;
    const info = await smtp.sendMail({ envelope: { from: MALLORY, to: SUPPORT }, raw: message });
    const caseNumber = /case (CR-[0-9A-Z]{6})/.exec(String(info.response))?.[1];
    const kase = (await (await fetch(`${runtime.url}/api/cases/${caseNumber}`)).json()) as Json;
    const outbox = (await (await fetch(`${runtime.url}/api/outbox`)).json()) as Json;
    const answer = outbox.messages.find((m: Json) => m.caseNumber === caseNumber);
    return {
      verification: kase.contacts?.at(-1)?.verification as string,
      answer: String(answer?.text ?? ''),
    };
  };
}

describe('email sender proof through the SMTP door, with DMARC as in AWS', () => {
  const send = door('dmarc');

  it('proves Camille when DMARC passed for her own domain, and answers with her booking', async () => {
    const result = await send(raw(`From: Camille Martin <${CAMILLE}>`, sesPass('example.fr')));
    expect(result.verification).toBe('sender_matches');
    expect(result.answer).toContain('Lumière');
  });

  it.each([
    ['two addresses in one From', `From: ${CAMILLE}, ${MALLORY}`],
    ['two From headers', `From: ${CAMILLE}\r\nFrom: ${MALLORY}`],
    ['group syntax', `From: Guests: ${CAMILLE}, ${MALLORY};`],
    ['her address as display name', `From: "${CAMILLE}" <${MALLORY}>`],
    ['her address alone, DMARC passed for the attacker', `From: ${CAMILLE}`],
  ])('leaves %s unverified: recorded, answered without the booking', async (_what, from) => {
    const result = await send(raw(from, sesPass('evil.example')));
    expect(result.verification).toBe('unverified');
    expect(result.answer).not.toBe('');
    expect(result.answer).not.toContain('Lumière');
  });
});

describe('email sender proof through the SMTP door, with sender proof off (the local default)', () => {
  const send = door('none');

  it('still takes a From as written only when it names one sender', async () => {
    expect((await send(raw(`From: ${CAMILLE}`, ''))).verification).toBe('sender_matches');
    expect((await send(raw(`From: ${CAMILLE}, ${MALLORY}`, ''))).verification).toBe('unverified');
    expect((await send(raw(`From: ${CAMILLE}\r\nFrom: ${MALLORY}`, ''))).verification).toBe('unverified');
  });
});
