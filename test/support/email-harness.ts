// One intake over dynalite with the email use case's own parts: a mailer that records (and can fail),
// a quarantine that records, a fixed signing key, two guests with email addresses.
import { createHmac } from 'node:crypto';
import { sesMessageId } from '../../functions/adapters/email/message-id-keys';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import { EmailMessenger } from '../../functions/domain/email/email-messenger';
import type { InboundMail } from '../../functions/domain/email/inbound-mail';
import { type EmailDeps, receiveMail } from '../../functions/domain/email/receive-mail';
import type { Mailer, OutboundEmail } from '../../functions/domain/ports';
import type { OutboundParts } from '../../functions/shared/outbound';
import { type IntakeHarness, startIntakeHarness } from './intake-harness';
import { outboundOver } from './outbound';

/** The harness's clock. */
export const NOW = new Date('2026-11-23T10:00:00.000Z');
/** Camille's booking (camille@example.fr, gold, Paris). */
export const REF = makeBookingReference('310000001');
/** Sofia's booking (sofia@example.it, Rome). */
export const SOFIA = makeBookingReference('310000002');
/** Our support address. */
export const OUR = 'support@contact-router.local';
/** The signing function of the signed reply references. */
export const sign = (value: string) =>
  createHmac('sha256', 'integration-key-0123').update(value).digest('hex');

/** What SES prepends when the sender's domain passes DMARC, for that domain: the only proof that From is the sender. */
export function dmarcPass(domain: string) {
  return [
    'Authentication-Results',
    `amazonses.com; spf=pass smtp.mailfrom=${domain}; dkim=pass header.i=@${domain}; dmarc=pass header.from=${domain};`,
  ] as const;
}

/** SES's header for a sender at example.it (Sofia's domain). */
export const DMARC_PASS = dmarcPass('example.it');

/** Records what would have left through SES; can be told to fail. */
export class RecordingMailer implements Mailer {
  sent: OutboundEmail[] = [];
  failWith: Error | undefined;
  async send(email: OutboundEmail) {
    if (this.failWith) throw this.failWith;
    this.sent.push(email);
    // As SES answers: its id, and the Message-ID it gave the mail in place of ours.
    const messageId = `0102018f-${this.sent.length}-000000`;
    return { messageId, sentMessageId: sesMessageId(messageId) };
  }
}

/** The harness: fresh mailer, quarantine and deps per test (`reset`), shared store. */
export interface EmailHarness {
  readonly h: IntakeHarness;
  mailer: RecordingMailer;
  quarantined: string[];
  deps: EmailDeps;
  /** The outbound ledger and deliver the deps use (rebuilt by reset). */
  outbound: OutboundParts;
  reset(): void;
  receive(mail: InboundMail): ReturnType<typeof receiveMail>;
}

/** Starts dynalite, seeds the two guests and returns the harness (call `reset` before each test). */
export async function startEmailHarness(): Promise<EmailHarness> {
  const h = await startIntakeHarness(NOW);
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
  const harness: EmailHarness = {
    h,
    mailer: new RecordingMailer(),
    quarantined: [],
    deps: undefined as unknown as EmailDeps,
    outbound: undefined as unknown as OutboundParts,
    reset() {
      harness.mailer = new RecordingMailer();
      harness.quarantined = [];
      const email = new EmailMessenger({
        mailer: harness.mailer,
        ourAddress: OUR,
        sign,
        remember: (ids, ref) => h.cases.rememberMessageIds(ids, ref),
      });
      // The limit is read at each message, so a test may lower it by replacing deps.settings.
      const outbound = outboundOver(h, {
        messengers: { email },
        perHour: () => harness.deps.settings.perSenderPerHour,
      });
      harness.outbound = outbound;
      harness.deps = {
        intake: h.deps,
        store: h.cases,
        deliver: outbound.deliver,
        outbound: outbound.ledger,
        quarantine: {
          quarantine: async (mail) => {
            harness.quarantined.push(mail.id);
            return `s3://mail/quarantine/${mail.id}`;
          },
        },
        sign,
        settings: { ourAddress: OUR, own: { addresses: [OUR] }, perSenderPerHour: 5 },
      };
    },
    receive: (mail) => receiveMail(harness.deps, mail),
  };
  harness.reset();
  return harness;
}
