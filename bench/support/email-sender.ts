// Sends a campaign's emails over real SMTP to the local email door, as a mail server would: a 4xx answer
// or a dropped connection is tried again with the same Message-ID, a 5xx is a refusal.
import nodemailer from 'nodemailer';
import { Refused, type Send, withRetries } from './senders';

/** Where the email door listens (it moves only if the runtime is started on other ports). */
export interface SmtpDoor {
  readonly host: string;
  readonly port: number;
  /** The envelope recipient: the door's address. */
  readonly to: string;
}

/** The Message-ID a campaign message is sent under (its redelivery reuses it). */
export function campaignMessageId(id: string): string {
  return `<${id}@campaign.contact-router.test>`;
}

/** What the door said, reduced to what must not change on a redelivery: the case it landed on. */
function caseOf(answer: string): string {
  const match = /; case (\S+);/.exec(answer);
  if (!match?.[1]) throw new Refused(`the email door answered without a case: ${answer}`);
  return `case ${match[1]}`;
}

// A mail server keeps retrying for days; a minute here outlasts the door's 15 s claim of a dead runtime.
const EMAIL_RETRIES = 240;

/** An SMTP client per message (no pool: a restarted door must not meet stale connections). */
export function emailSender(door: () => SmtpDoor, subjectOf: (text: string) => string): Send {
  return (message) =>
    withRetries(
      async () => {
        const { host, port, to } = door();
        const transport = nodemailer.createTransport({ host, port, secure: false, ignoreTLS: true });
        try {
          const info = await transport.sendMail({
            from: message.from,
            to,
            subject: subjectOf(message.text),
            text: message.text,
            messageId: campaignMessageId(message.id),
          });
          return caseOf(String(info.response));
        } catch (error) {
          const code = (error as { responseCode?: number }).responseCode;
          if (code !== undefined && code >= 500) throw new Refused(`${code} ${(error as Error).message}`);
          throw error;
        } finally {
          transport.close();
        }
      },
      'email',
      EMAIL_RETRIES,
    );
}
