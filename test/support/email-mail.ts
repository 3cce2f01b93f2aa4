// Builds the domain's InboundMail for unit tests without MIME: only what a test says differs from a plain mail.
import { sesVerdictsOf } from '../../functions/adapters/email/ses-verdicts';
import type { InboundMail, MailVerdicts } from '../../functions/domain/email/inbound-mail';

let counter = 0;

/**
 * A plain person's mail to our support address; override any field, add headers as [name, value]. Its
 * verdicts are read from `receipt` and the headers as the SES door reads them.
 */
export function aMail(
  { receipt, ...overrides }: Partial<InboundMail> & { readonly receipt?: MailVerdicts } = {},
  headers: ReadonlyArray<readonly [string, string]> = [],
): InboundMail {
  counter++;
  const lines = headers.map(([name, value]) => ({ name: name.toLowerCase(), value }));
  return {
    id: `ses${Date.now().toString(36)}${counter}`,
    rawRef: `s3://mail/inbound/ses${counter}`,
    sizeBytes: 1200,
    headers: lines,
    verdicts: sesVerdictsOf(lines, receipt),
    from: 'emily.carter@example.co.uk',
    to: ['support@contact-router.local'],
    cc: [],
    recipients: ['support@contact-router.local'],
    subject: 'Question about my stay',
    text: 'Hello, can I check in early tomorrow?',
    messageId: `<m${counter}.${Date.now()}@mail.example.co.uk>`,
    inReplyTo: [],
    references: [],
    contentType: 'text/plain',
    attachments: [],
    embeddedMessageIds: [],
    receivedAt: '2026-11-23T10:00:00.000Z',
    ...overrides,
    // As the door reads it: one From header with the one address the test names.
    fromField: overrides.fromField ?? {
      headers: 1,
      addresses: [overrides.from ?? 'emily.carter@example.co.uk'],
      group: false,
    },
  };
}
