// The email door's real use case over a dynalite harness, with a raw store and mailer a test controls.
import { createHmac } from 'node:crypto';
import { sesMessageId } from '../../functions/adapters/email/message-id-keys';
import type { StoredMailDeps } from '../../functions/adapters/email/receive-stored-mail';
import type { RawMailStore, StoredMailRef } from '../../functions/adapters/email/stored-mail';
import { EmailMessenger } from '../../functions/domain/email/email-messenger';
import type { Mailer, OutboundEmail } from '../../functions/domain/ports';
import type { IntakeHarness } from './intake-harness';
import { outboundOver } from './outbound';

/** A raw store holding messages in memory by key. */
export class MemoryRawStore implements RawMailStore {
  readonly objects = new Map<string, Buffer>();
  readonly quarantined: string[] = [];
  async read(ref: StoredMailRef) {
    const bytes = this.objects.get(ref.key);
    if (!bytes) throw new Error(`no object ${ref.key}`);
    return { bytes, rawRef: `s3://${ref.bucket}/${ref.key}` };
  }
  async quarantine(mail: { rawRef: string }) {
    this.quarantined.push(mail.rawRef);
    return `${mail.rawRef}#quarantined`;
  }
}

/** Keeps what would have been sent. */
export class MemoryMailer implements Mailer {
  readonly sent: OutboundEmail[] = [];
  async send(email: OutboundEmail) {
    this.sent.push(email);
    // As SES answers: its id, and the Message-ID it gave the mail in place of ours.
    const messageId = `0102018f-${this.sent.length}-000000`;
    return { messageId, sentMessageId: sesMessageId(messageId) };
  }
}

/** StoredMailDeps over the harness's real intake and store. */
export function emailDepsFor(h: IntakeHarness, raw: RawMailStore, mailer: Mailer): StoredMailDeps {
  const sign = (value: string) => createHmac('sha256', 'test-signing-key-16').update(value).digest('hex');
  const email = new EmailMessenger({
    mailer,
    ourAddress: 'support@contact-router.local',
    sign,
    remember: (ids, ref) => h.cases.rememberMessageIds(ids, ref),
  });
  const outbound = outboundOver(h, { messengers: { email } });
  return {
    intake: h.deps,
    store: h.cases,
    deliver: outbound.deliver,
    outbound: outbound.ledger,
    raw,
    quarantine: raw,
    sign,
    settings: {
      ourAddress: 'support@contact-router.local',
      own: { addresses: ['support@contact-router.local'] },
      perSenderPerHour: 5,
    },
    maxBytes: 10_000_000,
  };
}
