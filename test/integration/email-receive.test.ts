import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import type { InboundMail } from '../../functions/domain/email/inbound-mail';
import { type EmailDeps, receiveMail } from '../../functions/domain/email/receive-mail';
import { replyAddress } from '../../functions/domain/email/reply-token';
import { DependencyError } from '../../functions/domain/errors';
import type { Mailer, OutboundEmail } from '../../functions/domain/ports';
import { aMail } from '../support/email-mail';
import { type IntakeHarness, startIntakeHarness } from '../support/intake-harness';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const REF = makeBookingReference('310000001');
const SOFIA = makeBookingReference('310000002');
const OUR = 'support@contact-router.local';
const sign = (value: string) => createHmac('sha256', 'integration-key-0123').update(value).digest('hex');

/** Records what would have left through SES; can be told to fail. */
class RecordingMailer implements Mailer {
  sent: OutboundEmail[] = [];
  failWith: Error | undefined;
  async send(email: OutboundEmail) {
    if (this.failWith) throw this.failWith;
    this.sent.push(email);
    return { messageId: `0102018f-${this.sent.length}-000000` };
  }
}

// What SES prepends when the sender's domain passes DMARC: the only proof that From is the sender.
const DMARC_PASS = [
  'Authentication-Results',
  'amazonses.com; spf=pass smtp.mailfrom=example.it; dkim=pass header.i=@example.it; dmarc=pass header.from=example.it;',
] as const;

describe('receiveMail over DynamoDB', () => {
  let h: IntakeHarness;
  let mailer: RecordingMailer;
  let quarantined: string[];
  let deps: EmailDeps;
  const receive = (mail: InboundMail) => receiveMail(deps, mail);

  beforeAll(async () => {
    h = await startIntakeHarness(NOW);
    await h.seed([
      {
        reference: REF,
        pin: '1111',
        status: 'confirmed',
        checkIn: '2026-11-24',
        checkOut: '2026-11-26',
        propertyName: 'Hôtel Lumière Paris',
        propertyTimeZone: 'Europe/Paris',
        guestName: 'Camille Martin',
        email: 'camille@example.fr',
        language: 'fr',
        tier: 'gold',
      },
      {
        reference: SOFIA,
        pin: '2222',
        status: 'confirmed',
        checkIn: '2026-11-25',
        checkOut: '2026-11-27',
        propertyName: 'Albergo Sole',
        propertyTimeZone: 'Europe/Rome',
        guestName: 'Sofia Bianchi',
        email: 'sofia@example.it',
        language: 'it',
      },
    ]);
  });
  afterAll(() => h.db.stop());
  beforeEach(() => {
    mailer = new RecordingMailer();
    quarantined = [];
    deps = {
      intake: h.deps,
      store: h.cases,
      mailer,
      quarantine: {
        quarantine: async (mail) => {
          quarantined.push(mail.id);
          return `s3://mail/quarantine/${mail.id}`;
        },
      },
      sign,
      settings: { ourAddress: OUR, own: { addresses: [OUR] }, perSenderPerHour: 5 },
    };
  });

  it('opens a case and acknowledges in French with the booking status, threading headers and a signed reply address', async () => {
    // Prepare
    const mail = aMail(
      {
        from: 'camille@example.fr',
        subject: 'Arrivée tardive',
        text: `Bonjour, j’arriverai après minuit pour la réservation ${REF}.`,
      },
      [DMARC_PASS],
    );
    // Act
    const outcome = await receive(mail);
    // Assess
    expect(outcome).toMatchObject({
      status: 'recorded',
      intake: 'new_case',
      ack: { delivery: 'sent', to: 'camille@example.fr' },
    });
    const email = mailer.sent[0] as OutboundEmail;
    expect(email.subject).toBe(`Re: Arrivée tardive [${outcome.caseNumber}]`);
    expect(email.text).toContain(`Votre numéro de dossier est ${outcome.caseNumber}`);
    expect(email.text).toContain('Hôtel Lumière Paris');
    expect(email.inReplyTo).toBe(mail.messageId);
    expect(email.headers?.['Reply-To']).toBe(replyAddress(OUR, outcome.caseNumber as string, sign));
    const stored = await h.cases.getContact(outcome.contactId);
    expect(stored?.reply).toMatchObject({
      delivery: 'sent',
      messageIds: [expect.stringMatching(/^<ack\./), '0102018f-1-000000'],
    });
    expect(stored?.attachments?.[0]).toBe(mail.rawRef);
  });

  it('threads a reply by the signed reply address even from another address, without a second acknowledgement', async () => {
    // Prepare
    const first = await receive(
      aMail({ from: 'camille@example.fr', subject: 'Parking', text: 'Y a-t-il un parking ?' }),
    );
    const token = replyAddress(OUR, first.caseNumber as string, sign);
    // Act
    const reply = await receive(
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
    const contact = await h.cases.getContact(reply.contactId);
    expect(contact?.decision.reasons.join(' ')).toContain('signed reply reference');
  });

  it('threads by In-Reply-To on the Message-ID SES gave our acknowledgement, and acknowledges once per case', async () => {
    // Prepare
    const sender = 'lucia@example.es';
    const first = await receive(aMail({ from: sender, subject: 'Toallas', text: 'Necesito más toallas.' }));
    const sesId = `<${mailer.sent.length === 1 ? '0102018f-1-000000' : 'x'}@eu-west-1.amazonses.com>`;
    // Act
    const reply = await receive(
      aMail({ from: sender, subject: 'Re: Toallas', inReplyTo: [sesId], text: 'Gracias.' }),
    );
    // Assess
    expect(reply).toMatchObject({ caseNumber: first.caseNumber, intake: 'continued_case' });
    expect(reply.ack).toEqual({ delivery: 'suppressed', reason: 'already acknowledged on this case' });
    expect(mailer.sent).toHaveLength(1);
  });

  it('continues the owner’s case from the subject, but never attaches a forged case number', async () => {
    // Prepare
    const owner = await receive(
      aMail({ from: 'sanne@example.nl', subject: 'Fiets', text: 'Kan ik een fiets huren?' }),
    );
    // Act
    const again = await receive(
      aMail({ from: 'sanne@example.nl', subject: `Re: [${owner.caseNumber}]`, text: 'En een helm?' }),
    );
    const forged = await receive(
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
    const first = await receive(
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
    const outcome = await receive(bounce);
    // Assess
    expect(outcome).toMatchObject({
      caseNumber: first.caseNumber,
      noReplyReason: 'bounce',
      ack: { delivery: 'suppressed', reason: 'bounce' },
    });
    expect(mailer.sent).toHaveLength(1);
    expect((await h.cases.getContact(first.contactId))?.reply).toMatchObject({
      delivery: 'failed',
      error: expect.stringMatching(/^bounced/),
    });
  });

  it('records the same Message-ID for the same recipient once, and again for another recipient', async () => {
    // Prepare
    const mail = aMail({ from: 'pierre@example.fr', text: 'Question' });
    // Act
    const first = await receive(mail);
    const again = await receive({ ...mail, id: `${mail.id}-resent` });
    const other = await receive({
      ...mail,
      id: `${mail.id}-sales`,
      recipients: ['sales@contact-router.local'],
    });
    // Assess
    expect(again).toMatchObject({
      status: 'duplicate',
      contactId: first.contactId,
      ack: { delivery: 'none' },
    });
    expect(await h.cases.getContact(`email:${mail.id}-resent`)).toBeUndefined();
    expect(other.status).toBe('recorded');
  });

  it('changes nothing when SES redelivers the same message', async () => {
    const mail = aMail({ from: 'marco@example.it', text: 'Rimborso?' });
    const first = await receive(mail);
    const again = await receive(mail);
    expect(again).toMatchObject({
      status: 'duplicate',
      contactId: first.contactId,
      caseNumber: first.caseNumber,
    });
    expect(mailer.sent).toHaveLength(1);
  });

  it('quarantines a virus without a case or an answer; records spam and DMARC rejects without an answer', async () => {
    // Prepare
    const virus = aMail({}, [['X-SES-Virus-Verdict', 'FAIL']]);
    const spam = aMail({ from: 'promo@spam.example' }, [['X-SES-Spam-Verdict', 'FAIL']]);
    const spoofed = aMail({ from: 'camille@example.fr', receipt: { dmarc: 'FAIL', dmarcPolicy: 'reject' } });
    // Act
    const v = await receive(virus);
    const s = await receive(spam);
    const d = await receive(spoofed);
    // Assess
    expect(v).toMatchObject({ status: 'quarantined', quarantinedAt: `s3://mail/quarantine/${virus.id}` });
    expect(quarantined).toEqual([virus.id]);
    expect(await h.cases.getContact(v.contactId)).toBeUndefined();
    expect(s).toMatchObject({ status: 'recorded', ack: { delivery: 'suppressed', reason: 'spam' } });
    expect(d).toMatchObject({ status: 'recorded', ack: { delivery: 'suppressed', reason: 'dmarc-reject' } });
    expect(mailer.sent).toHaveLength(0);
  });

  it('limits acknowledgements per sender per hour across cases', async () => {
    // Prepare
    deps = { ...deps, settings: { ...deps.settings, perSenderPerHour: 2 } };
    const from = 'busy@example.com';
    const outcomes = [];
    // Act: each mail after the first lands on a fresh case (the previous one resolved)
    for (let i = 0; i < 3; i++) {
      const outcome = await receive(aMail({ from, subject: `Question ${i}`, text: `Question ${i}` }));
      outcomes.push(outcome.ack);
      await h.cases.resolveCase(outcome.caseNumber as string, NOW.toISOString());
    }
    // Assess
    expect(outcomes.map((a) => a.delivery)).toEqual(['sent', 'sent', 'suppressed']);
    expect(outcomes[2]?.reason).toBe('rate limit: 2 per hour');
  });

  it('follows Reply-To for a plain acknowledgement, but sends booking details only to the From address', async () => {
    const plain = await receive(
      aMail({ from: 'guest@example.org', replyTo: 'assistant@example.org', text: 'Hi' }),
    );
    expect(plain.ack.to).toBe('assistant@example.org');
    const disclosing = await receive(
      aMail(
        {
          from: 'sofia@example.it',
          replyTo: 'attacker@evil.example',
          subject: 'Stato',
          text: `Stato della prenotazione ${SOFIA}?`,
        },
        [DMARC_PASS],
      ),
    );
    expect(disclosing.ack.to).toBe('sofia@example.it');
    expect(mailer.sent.at(-1)?.text).toContain('Albergo Sole');
  });

  it('never verifies a From address that DMARC did not vouch for: no booking details, agents see unverified', async () => {
    const forged = await receive(
      aMail({ from: 'sofia@example.it', subject: 'Stato', text: `Stato della prenotazione ${SOFIA}?` }),
    );
    const stored = await h.cases.getContact(forged.contactId);
    expect(stored?.verification).toBe('unverified');
    expect(stored?.reply?.disclosedBooking).toBe(false);
    expect(stored?.reply?.text).not.toContain('Albergo Sole');
  });

  it('keeps a reply pending after a send that may work later, and marks it failed after one that never will', async () => {
    // Prepare
    const mail = aMail({ from: 'retry@example.com', text: 'Hello' });
    mailer.failWith = new DependencyError('ses', 'throttled', { retryable: true });
    // Act
    const error = await receive(mail).catch((e: unknown) => e);
    const pending = await h.cases.getContact(`email:${mail.id}`);
    mailer.failWith = undefined;
    const retried = await receive(mail);
    // Assess
    expect(error).toBeInstanceOf(DependencyError);
    expect(pending?.reply).toMatchObject({
      delivery: 'pending',
      error: expect.stringContaining('throttled'),
    });
    expect(retried).toMatchObject({ status: 'duplicate', ack: { delivery: 'sent' } });
    const rejected = aMail({ from: 'rejected@example.com', text: 'Hello' });
    mailer.failWith = new DependencyError('ses', 'MessageRejected', { retryable: false });
    expect((await receive(rejected)).ack.delivery).toBe('failed');
  });

  it('costs a new email contact its DynamoDB requests', async () => {
    // Prepare
    const mail = aMail({ from: 'count@example.com', text: 'Counting' });
    h.requests.reset();
    // Act
    await receive(mail);
    // Assess: 9 for the intake of an unknown sender's new case, plus 6 for email: the Message-ID claim,
    // remembering its id, the acknowledgement claim and counter, the acknowledgement's ids, the reply update
    expect(h.requests.total()).toBe(15);
  });
});
