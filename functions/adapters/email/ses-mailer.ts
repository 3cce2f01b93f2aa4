import { type SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import type { Mailer, OutboundEmail, SentEmail } from '../../domain/ports';
import { toDependencyError } from '../sdk-error';
import { composeMime } from './compose-mime';
import { sesMessageId } from './message-id-keys';

/** How acknowledgements leave through Amazon SES. */
export interface SesMailerOptions {
  /** Our verified sender address, e.g. "Support <support@example.com>". */
  readonly from: string;
  readonly configurationSet?: string | undefined;
}

/**
 * Mailer on SES SendRawEmail: the raw form is the one that carries In-Reply-To, References and
 * Auto-Submitted. SES replaces the Message-ID with its own, built from the MessageId it returns: that
 * one is what the guest's answer quotes.
 */
export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESClient,
    private readonly options: SesMailerOptions,
  ) {}

  async send(email: OutboundEmail): Promise<SentEmail> {
    const raw = await composeMime(email, this.options.from);
    try {
      const out = await this.client.send(
        new SendRawEmailCommand({
          RawMessage: { Data: raw },
          Destinations: [email.to],
          ...(this.options.configurationSet ? { ConfigurationSetName: this.options.configurationSet } : {}),
        }),
      );
      const messageId = out.MessageId ?? '';
      return { messageId, sentMessageId: messageId ? sesMessageId(messageId) : undefined };
    } catch (error) {
      throw toDependencyError('ses', 'send acknowledgement', error);
    }
  }
}
