import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutboundEmail } from '../../domain/ports';

/** Builds the raw MIME of an outbound email (UTF-8, quoted-printable as needed) with our threading headers. */
export async function composeMime(email: OutboundEmail, from: string): Promise<Buffer> {
  const { 'Message-ID': messageId, ...headers } = email.headers ?? {};
  const composer = new MailComposer({
    from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    messageId,
    inReplyTo: email.inReplyTo,
    references: email.references ? [...email.references] : undefined,
    headers,
  });
  return new Promise<Buffer>((resolve, reject) => {
    composer.compile().build((error, message) => (error ? reject(error) : resolve(message)));
  });
}
