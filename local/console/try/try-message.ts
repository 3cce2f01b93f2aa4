import { randomBytes } from 'node:crypto';
import { twilioSignatureFor } from '../../../functions/adapters/twilio/signature';
import { DependencyError, ValidationError } from '../../../functions/domain/errors';
import type { LocalApp } from '../../app';
import { textSent } from '../../http/outbound-view';
import type { TryResult } from './try-body';

/** Where the local runtime serves Twilio's messaging webhook (the same path as in AWS). */
export const MESSAGING_PATH = '/twilio/messaging';

// The number guests write to in the demo (Twilio's test range); only the signature makes it believable.
const OUR_NUMBER = '+12025550143';

/** A guest's SMS or WhatsApp message, as typed in the panel. */
export interface GuestMessage {
  readonly channel: 'sms' | 'whatsapp';
  readonly from: string;
  readonly text: string;
  readonly profileName?: string | undefined;
}

/** How to reach the messaging door and sign for it like Twilio would. */
export interface MessagingDoorAccess {
  /** This runtime's doors listener (where the request is sent). */
  readonly localUrl: string;
  /** The origin the door checks signatures against (PUBLIC_ORIGIN when set, else the doors listener's). */
  readonly signedOrigin: string;
  readonly authToken: string;
}

/** The form Twilio posts for an inbound message. */
export function twilioMessageParams(message: GuestMessage, sid: string): Record<string, string> {
  const prefix = message.channel === 'whatsapp' ? 'whatsapp:' : '';
  return {
    MessageSid: sid,
    SmsMessageSid: sid,
    AccountSid: `AC${'0'.repeat(32)}`,
    From: `${prefix}${message.from}`,
    To: `${prefix}${OUR_NUMBER}`,
    Body: message.text,
    NumMedia: '0',
    ...(message.channel === 'whatsapp'
      ? { WaId: message.from.replace(/^\+/, ''), ProfileName: message.profileName ?? 'Guest' }
      : {}),
  };
}

/**
 * Posts the message to the real messaging door over HTTP, signed with the local Twilio auth token,
 * then reads what the intake stored for it (case, decision, the acknowledgement sent back).
 */
export async function tryThroughMessagingDoor(
  app: LocalApp,
  access: MessagingDoorAccess,
  message: GuestMessage,
): Promise<TryResult> {
  const sid = `SM${randomBytes(16).toString('hex')}`;
  const params = twilioMessageParams(message, sid);
  const response = await fetch(`${access.localUrl}${MESSAGING_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignatureFor(
        access.authToken,
        `${access.signedOrigin}${MESSAGING_PATH}`,
        params,
      ),
    },
    body: new URLSearchParams(params).toString(),
  });
  const answer = await response.text();
  if (response.status === 400) throw new ValidationError('', answer);
  if (!response.ok)
    throw new DependencyError('messaging-door', `answered ${response.status}: ${answer.slice(0, 300)}`);
  const record = await app.cases.getContact(`${message.channel}:${sid}`);
  return {
    door: 'twilio-messaging',
    via: `POST ${MESSAGING_PATH}, signed like Twilio (X-Twilio-Signature)`,
    contactId: record?.id,
    caseNumber: record?.caseNumber,
    queue: record?.decision.queue,
    priority: record?.decision.priority,
    reply: await textSent(app.outbound.ledger, record?.reply?.messageId),
  };
}
