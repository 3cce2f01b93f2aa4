// An agent's reply and the survey by mail, through the real SMTP door, the agent API, deliver and the
// EmailMessenger's .eml outbox, read back as a mail client reads them (mailparser): threaded on the
// guest's latest mail (RFC 5322 section 3.6.4), answerable at the case's signed reply address, and
// marked automatic (RFC 3834 Auto-Submitted) only when a machine wrote them.
import { readdirSync, readFileSync } from 'node:fs';
import { type ParsedMail, simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { useMailRuntime } from '../support/mail-runtime';

const NOW = '2026-11-23T10:00:00.000Z';
const SUPPORT = 'support@contact-router.local';
const GUEST = 'camille.martin@example.fr';

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

describe('agent replies and surveys by mail thread on the guest’s mail', () => {
  const mail = useMailRuntime(NOW);

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${mail().runtime.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  }
  // Every mail the outbox wrote, parsed, found by its Message-ID.
  async function sentMail(messageId: string): Promise<ParsedMail> {
    for (const file of readdirSync(mail().outbox)) {
      const parsed = await simpleParser(readFileSync(`${mail().outbox}/${file}`));
      if (parsed.messageId === messageId) return parsed;
    }
    throw new Error(`no mail ${messageId} in ${mail().outbox}`);
  }
  const outboxOf = async (caseNumber: string) =>
    ((await call('GET', '/api/outbox?limit=1000')).body.messages as Json[]).filter(
      (m) => m.caseNumber === caseNumber,
    );
  const messageIdOf = (m: Json | undefined) => `<out.${String(m?.id).replace(/[^A-Za-z0-9.-]/g, '-')}@`;

  it('answers the guest’s latest mail, at the case’s reply address, marked only when automatic', async () => {
    // Prepare: Camille writes, gets the acknowledgement, answers it; an agent takes the case
    const first = await mail().smtp.sendMail({
      from: `Camille Martin <${GUEST}>`,
      to: SUPPORT,
      subject: 'Arrivée tardive',
      text: 'Bonjour, puis-je arriver après minuit ? Réservation 1000000016.',
      messageId: '<first.camille@example.fr>',
    });
    const caseNumber = /case (CR-[0-9A-Z]{6})/.exec(String(first.response))?.[1] ?? '';
    const ackRecord = (await outboxOf(caseNumber)).find((m) => m.kind === 'acknowledgement');
    const ackFile = readdirSync(mail().outbox).map((f) => readFileSync(`${mail().outbox}/${f}`, 'utf8'));
    const ack = await simpleParser(ackFile.find((raw) => raw.includes(caseNumber)) ?? '');
    await mail().smtp.sendMail({
      from: `Camille Martin <${GUEST}>`,
      to: SUPPORT,
      subject: `Re: ${ack.subject}`,
      text: 'J’oubliais : nous serons trois.',
      messageId: '<second.camille@example.fr>',
      inReplyTo: ack.messageId,
      references: ['<first.camille@example.fr>', ack.messageId ?? ''],
    });
    const queue = (await call('GET', `/api/cases/${caseNumber}`)).body.case.queue as string;
    while (
      (await call('POST', `/api/queues/${queue}/take`, { agent: 'ana' })).body.case?.caseNumber !== caseNumber
    );

    // Act: the agent answers; later the case is resolved and the survey goes out
    const replied = await call(
      'POST',
      `/api/cases/${caseNumber}/replies`,
      { agent: 'ana', text: 'Bonsoir Camille, le veilleur de nuit vous attend.' },
      { 'idempotency-key': 'threading-1' },
    );
    await call('POST', `/api/cases/${caseNumber}/resolve`, { agent: 'ana' });
    const messages = await outboxOf(caseNumber);
    const reply = await sentMail(
      `${messageIdOf(messages.find((m) => m.kind === 'agent_reply'))}contact-router.local>`,
    );
    const survey = await sentMail(
      `${messageIdOf(messages.find((m) => m.kind === 'survey'))}contact-router.local>`,
    );

    // Assess: both answer the second mail, within the whole thread, and lead back to the case
    expect(replied.status).toBe(201);
    expect(ackRecord).toMatchObject({ delivery: 'sent' });
    for (const mail of [reply, survey]) {
      expect(mail.inReplyTo).toBe('<second.camille@example.fr>');
      expect(mail.references).toEqual([
        '<first.camille@example.fr>',
        ack.messageId,
        '<second.camille@example.fr>',
      ]);
      expect(mail.replyTo?.value[0]?.address).toMatch(
        new RegExp(`^support\\+${caseNumber.toLowerCase()}\\.[a-z0-9]+@contact-router\\.local$`),
      );
    }
    expect(ack.inReplyTo).toBe('<first.camille@example.fr>');
    expect(ack.headers.get('auto-submitted')).toBe('auto-replied');
    expect(reply.text).toContain('le veilleur de nuit vous attend');
    expect(reply.headers.has('auto-submitted')).toBe(false);
    expect(reply.headers.has('x-auto-response-suppress')).toBe(false);
    expect(survey.headers.get('auto-submitted')).toBe('auto-generated');
  });
});
