// Twilio messaging webhooks as Twilio signs them, for the integration tests of the messaging door.
import { twilioSignatureFor } from '../../functions/adapters/twilio/signature';
import type { FormParams } from '../../functions/handlers/http/form';
import type { MessagingDoorDeps, MessagingLogEntry } from '../../functions/handlers/messaging/answer-message';
import type { IntakeHarness } from './intake-harness';
import { outboundOver } from './outbound';

const TOKEN = 'integration-token-0123456789abcdef';
/** The URL Twilio calls (and signs) in these tests. */
export const WEBHOOK_URL = 'https://abc.execute-api.eu-west-1.amazonaws.com/twilio/messaging';

/** The sender of `inboundMessage` unless `extra` names another. */
export const DEFAULT_SENDER = '+33612345678';

let sids = 0;

/** An inbound SMS as Twilio posts it, with a fresh MessageSid; `extra` adds or overrides parameters. */
export function inboundMessage(extra: Record<string, string>): Record<string, string> {
  sids++;
  return {
    MessageSid: `SM${sids.toString(16).padStart(32, '0')}`,
    AccountSid: 'AC0123456789abcdef0123456789abcdef',
    From: DEFAULT_SENDER,
    To: '+33757000000',
    Body: 'Bonjour',
    NumMedia: '0',
    ...extra,
  };
}

/** The request with the signature Twilio would send for these parameters. */
export function signedWebhook(params: FormParams) {
  return { url: WEBHOOK_URL, params, signature: twilioSignatureFor(TOKEN, WEBHOOK_URL, params) };
}

/**
 * The door's dependencies over a harness: `perHour` (five) automatic answers per sender and hour, log
 * entries kept in `logged`.
 */
export function messagingDeps(h: IntakeHarness, logged: MessagingLogEntry[], perHour = 5): MessagingDoorDeps {
  const outbound = outboundOver(h, { perHour });
  return {
    intake: h.deps,
    deliver: outbound.deliver,
    guests: outbound.guests,
    authToken: async () => TOKEN,
    log: (entry) => logged.push(entry),
  };
}
