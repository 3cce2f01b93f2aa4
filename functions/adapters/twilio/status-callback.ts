import { ValidationError } from '../../domain/errors';
import type { DeliveryReport } from '../../domain/outbound/messenger';
import { describeTwilioError, isOptOutCode } from './twilio-errors';

/** The status callback parameters the door reads (Twilio sends each once: a repeated one is a 400). */
export const STATUS_FIELDS = ['MessageSid', 'MessageStatus', 'SmsStatus', 'ErrorCode', 'ErrorMessage'];

// The statuses a report records ("Outbound Message Status in Status Callbacks": queued, sent,
// delivered, undelivered, failed, and read for WhatsApp). Others Twilio documents (accepted,
// scheduled, sending, canceled, partially_delivered, receiving, received) say nothing we keep.
const RECORDED = ['queued', 'sent', 'delivered', 'read', 'failed', 'undelivered'] as const;
type Recorded = (typeof RECORDED)[number];

// A message SID: SM (or MM for MMS) and 32 hex digits, as the Messages resource documents `sid`.
const MESSAGE_SID = /^(?:SM|MM)[0-9a-fA-F]{32}$/;

/** A status callback read: a report to record, or why it is ignored (answered 200 all the same). */
export type StatusCallbackReading =
  | { readonly report: DeliveryReport }
  | { readonly ignored: string; readonly messageSid: string };

/**
 * Reads Twilio's message status callback (form parameters MessageSid, MessageStatus, ErrorCode, and
 * optionally ErrorMessage; SmsStatus is the legacy twin of MessageStatus) into a DeliveryReport at `at`.
 * No MessageSid or no status is a ValidationError (Twilio always sends them); a status we do not record
 * is ignored, not an error, since Twilio adds values without notice.
 */
export function readStatusCallback(
  params: Readonly<Record<string, string>>,
  at: string,
): StatusCallbackReading {
  const messageSid = params.MessageSid?.trim() ?? '';
  if (!messageSid) throw new ValidationError('MessageSid', 'required');
  if (!MESSAGE_SID.test(messageSid))
    throw new ValidationError('MessageSid', 'expected a message SID (SM or MM and 32 hex digits)');
  const raw = (params.MessageStatus ?? params.SmsStatus ?? '').trim();
  if (!raw) throw new ValidationError('MessageStatus', 'required');
  // Twilio sends both with the same value; two different ones leave no status to believe.
  if (params.SmsStatus !== undefined && params.SmsStatus.trim() !== raw)
    throw new ValidationError(
      'MessageStatus',
      `"${raw.slice(0, 40)}" but SmsStatus "${params.SmsStatus.slice(0, 40)}"`,
    );
  const status = raw.toLowerCase();
  if (!(RECORDED as readonly string[]).includes(status))
    return { ignored: `status "${raw.slice(0, 40)}" is not one we record`, messageSid };
  const code = errorCodeOf(params.ErrorCode);
  const report: DeliveryReport = {
    providerMessageId: messageSid,
    status: status as Recorded,
    at,
    ...(code !== undefined ? { error: describeTwilioError(code, params.ErrorMessage?.slice(0, 200)) } : {}),
    ...(code !== undefined && isOptOutCode(code) ? { optedOut: true } : {}),
  };
  return { report };
}

// Twilio leaves ErrorCode out, or sends it empty or 0, when there is no error.
function errorCodeOf(raw: string | undefined): number | undefined {
  const text = raw?.trim();
  if (!text || !/^\d{1,6}$/.test(text)) return undefined;
  const code = Number(text);
  return code === 0 ? undefined : code;
}
