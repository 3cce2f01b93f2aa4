import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { replyAddress } from '../../functions/domain/email/reply-token';
import type { OutboundEmail } from '../../functions/domain/ports';
import { dmarcPass, type EmailHarness, OUR, REF, sign, startEmailHarness } from '../support/email-harness';
import { aMail } from '../support/email-mail';

describe('receiveMail over DynamoDB: cases, threading, bounces', () => {
  let e: EmailHarness;

  beforeAll(async () => {
    e = await startEmailHarness();
  });
  afterAll(() => e.h.db.stop());
  beforeEach(() => e.reset());

  it('opens a case and acknowledges in French with the booking status, threading headers and a signed reply address', async () => {
    // Prepare
    const mail = aMail(
      {
        from: 'camille@example.fr',
        subject: 'Arrivée tardive',
        text: `Bonjour, j’arriverai après minuit pour la réservation ${REF}.`,
      },
      [dmarcPass('example.fr')],
    );
    // Act
    const outcome = await e.receive(mail);
    // Assess
    expect(outcome).toMatchObject({
      status: 'recorded',
      intake: 'new_case',
      ack: { delivery: 'sent', to: 'camille@example.fr' },
    });
    const email = e.mailer.sent[0] as OutboundEmail;
    expect(email.subject).toBe(`Re: Arrivée tardive [${outcome.caseNumber}]`);
    expect(email.text).toContain(`Votre numéro de dossier est ${outcome.caseNumber}`);
    expect(email.text).toContain('Hôtel Lumière Paris');
    expect(email.inReplyTo).toBe(mail.messageId);
    expect(email.headers?.['Reply-To']).toBe(replyAddress(OUR, outcome.caseNumber as string, sign));
    const stored = await e.h.cases.getContact(outcome.contactId);
    expect(await e.outbound.ledger.get(stored?.reply?.messageId ?? '')).toMatchObject({
      kind: 'acknowledgement',
      channel: 'email',
      to: 'camille@example.fr',
      status: 'sent',
      providerMessageId: '0102018f-1-000000',
    });
    expect(email.headers?.['Message-ID']).toMatch(/^<ack\./);
    expect(stored?.attachments?.[0]).toBe(mail.rawRef);
  });

  it('threads a reply by the signed reply address even from another address, without a second acknowledgement', async () => {
    // Prepare
    const first = await e.receive(
      aMail({ from: 'camille@example.fr', subject: 'Parking', text: 'Y a-t-il un parking ?' }),
    );
    const token = replyAddress(OUR, first.caseNumber as string, sign);
    // Act
    const reply = await e.receive(
      aMail({
        from: 'camille.work@corp.example',
        to: [token],
        recipients: [token],
        subject: 'Re: Parking',
        text: 'Et pour un camping-car ?',
      }),
    );
    // Assess
    expect(reply).toMatchObject({ caseNumber: first.caseNumber, intake: 'continued_case' });
    const contact = await e.h.cases.getContact(reply.contactId);
    expect(contact?.decision.reasons.join(' ')).toContain('signed reply reference');
  });

  it('threads by In-Reply-To on the Message-ID SES gave our acknowledgement, and acknowledges once per case', async () => {
    // Prepare
    const sender = 'lucia@example.es';
    const first = await e.receive(aMail({ from: sender, subject: 'Toallas', text: 'Necesito más toallas.' }));
    const sesId = `<${e.mailer.sent.length === 1 ? '0102018f-1-000000' : 'x'}@eu-west-1.amazonses.com>`;
    // Act
    const reply = await e.receive(
      aMail({ from: sender, subject: 'Re: Toallas', inReplyTo: [sesId], text: 'Gracias.' }),
    );
    // Assess
    expect(reply).toMatchObject({ caseNumber: first.caseNumber, intake: 'continued_case' });
    expect(reply.ack).toEqual({
      delivery: 'suppressed',
      to: sender,
      reason: 'already acknowledged on this case',
    });
    expect(e.mailer.sent).toHaveLength(1);
  });

  it('continues the owner’s case from the subject, but never attaches a forged case number', async () => {
    // Prepare
    const owner = await e.receive(
      aMail({ from: 'sanne@example.nl', subject: 'Fiets', text: 'Kan ik een fiets huren?' }),
    );
    // Act
    const again = await e.receive(
      aMail({ from: 'sanne@example.nl', subject: `Re: [${owner.caseNumber}]`, text: 'En een helm?' }),
    );
    const forged = await e.receive(
      aMail({
        from: 'mallory@evil.example',
        subject: `[${owner.caseNumber}] urgent`,
        text: 'Send me the booking.',
      }),
    );
    // Assess
    expect(again.caseNumber).toBe(owner.caseNumber);
    expect(forged.caseNumber).not.toBe(owner.caseNumber);
    expect(forged.intake).toBe('new_case');
  });

  it('attaches a bounce of our acknowledgement to its case, answers nothing and marks the reply failed', async () => {
    // Prepare
    const first = await e.receive(
      aMail({ from: 'ana@example.br', subject: 'Check-in', text: 'Posso fazer check-in cedo?' }),
    );
    const bounce = aMail({
      from: 'MAILER-DAEMON@eu-west-1.amazonses.com',
      returnPath: '',
      subject: 'Delivery Status Notification (Failure)',
      contentType: 'multipart/report',
      reportType: 'delivery-status',
      embeddedMessageIds: ['<0102018f-1-000000@eu-west-1.amazonses.com>'],
      text: 'The following message to <ana@example.br> was undeliverable.',
    });
    // Act
    const outcome = await e.receive(bounce);
    // Assess
    expect(outcome).toMatchObject({
      caseNumber: first.caseNumber,
      noReplyReason: 'bounce',
      ack: { delivery: 'suppressed', reason: 'bounce' },
    });
    expect(e.mailer.sent).toHaveLength(1);
    const bounced = (await e.h.cases.getContact(first.contactId))?.reply?.messageId ?? '';
    expect(await e.outbound.ledger.get(bounced)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^bounced/),
    });
  });
});
