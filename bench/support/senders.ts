// How a campaign sends contacts through the real doors of a running local runtime, retrying what the
// runtime did not accept (as Twilio's fallback URL and mail servers' retries would).
import { twilioSignatureFor } from '../../functions/adapters/twilio/signature';

/** One message of a conversation, as the campaign addresses it. */
export interface Outgoing {
  readonly id: string;
  readonly from: string;
  readonly text: string;
}

/** A door driver: sends one message and returns what the guest got back ('' for nothing). */
export type Send = (message: Outgoing) => Promise<string>;

const RETRIES = 60;

/** The runtime answered and refused: retrying the same request cannot help. */
export class Refused extends Error {}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Attempts tried again, by what went wrong ("sms 503", "email 451", "call network"…). */
export const senderRetries: Record<string, number> = {};

function whyOf(error: unknown): string {
  const status = /^(\d{3}) /.exec((error as Error).message ?? '')?.[1];
  const smtp = (error as { responseCode?: number }).responseCode;
  return String(smtp ?? status ?? 'network');
}

/** Retries `attempt` on network errors and 5xx/4xx-SMTP answers (not on Refused), 250 ms apart, up to 15 s. */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  label = 'other',
  retries = RETRIES,
): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof Refused || tries >= retries) throw error;
      const key = `${label} ${whyOf(error)}`;
      senderRetries[key] = (senderRetries[key] ?? 0) + 1;
      await sleep(250);
    }
  }
}

/** Sends signed Twilio messaging webhooks (SMS, or WhatsApp with `whatsapp`) to `baseUrl()`. */
export function twilioSender(baseUrl: () => string, token: string, whatsapp = false): Send {
  const prefix = whatsapp ? 'whatsapp:' : '';
  return (message) =>
    withRetries(
      async () => {
        const url = `${baseUrl()}/twilio/messaging`;
        const params = {
          MessageSid: `SM${message.id}`,
          From: `${prefix}${message.from}`,
          To: `${prefix}+33757000000`,
          Body: message.text,
          NumMedia: '0',
        };
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-twilio-signature': twilioSignatureFor(token, url, params),
          },
          body: new URLSearchParams(params).toString(),
        });
        const body = await response.text();
        if (response.status >= 500) throw new Error(`${response.status} ${body}`);
        if (response.status !== 200) throw new Refused(`${response.status} ${body}`);
        return body;
      },
      prefix ? 'whatsapp' : 'sms',
    );
}
