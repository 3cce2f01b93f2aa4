import RestExceptionExport from 'twilio/lib/base/RestException';
import TwilioServiceExceptionExport from 'twilio/lib/base/TwilioServiceException';
import { DependencyError } from '../../domain/errors';
import { MessengerRefusal } from '../../domain/outbound/messenger';
import { cjsDefault } from './cjs-default';

const RestException = cjsDefault(RestExceptionExport);
const TwilioServiceException = cjsDefault(TwilioServiceExceptionExport);

const DEPENDENCY = 'twilio';

interface Refusal {
  readonly reason: string;
  readonly optedOut?: boolean;
}

// Twilio error codes (https://www.twilio.com/docs/api/errors/<code>) that say this message will never
// be taken as asked, whatever we retry: the guest's number or choice, not Twilio's state.
const REFUSALS: Readonly<Record<number, Refusal>> = {
  // 21211 "Invalid 'To' Phone Number": not a number Twilio can send to.
  21211: { reason: 'the guest’s number is not a valid phone number' },
  // 21610 "Attempt to send to unsubscribed recipient": the guest replied STOP to this sender.
  21610: { reason: 'the guest unsubscribed from this sender (replied STOP)', optedOut: true },
  // 21612 "The 'To' phone number is not currently reachable via SMS".
  21612: { reason: 'the guest’s number cannot be reached by SMS from this sender' },
  // 21614 "'To' number is not a valid mobile number": a landline or an invalid number.
  21614: { reason: 'the guest’s number is not a mobile number (landline or invalid)' },
  // 21635 "'To' number cannot be a landline".
  21635: { reason: 'the guest’s number is a landline' },
  // 63014 "Channel message blocked by user action": the guest blocked us on WhatsApp.
  63014: { reason: 'the guest blocked this sender on WhatsApp', optedOut: true },
  // 63016 "Outside messaging window. For WhatsApp, use a Message Template instead".
  63016: { reason: 'outside WhatsApp’s 24-hour window: only an approved template may go' },
};

// Codes a status callback carries on failed/undelivered (Twilio error pages of the same numbers).
const DELIVERY_ERRORS: Readonly<Record<number, string>> = {
  30003: 'unreachable destination handset',
  30004: 'message blocked',
  30005: 'unknown destination handset',
  30006: 'landline or unreachable carrier',
  30007: 'message filtered by the carrier',
  30008: 'unknown error',
};

/** A Twilio error code as a person reads it, e.g. "30003: unreachable destination handset". */
export function describeTwilioError(code: number, message?: string): string {
  const known = REFUSALS[code]?.reason ?? DELIVERY_ERRORS[code];
  return `${code}: ${message || known || `see https://www.twilio.com/docs/api/errors/${code}`}`;
}

/** Whether a Twilio error code means the guest refused our messages on this channel. */
export function isOptOutCode(code: number): boolean {
  return REFUSALS[code]?.optedOut === true;
}

function transient(status: number | undefined): boolean {
  // 429 "Too Many Requests" (error 20429): "never processed and always safe to retry"; 5xx: Twilio's
  // side; 401 (20003, bad credentials): the message is fine, the deployment's token is not.
  return status === undefined || status === 429 || status === 401 || status >= 500;
}

/**
 * A failed Messages API call as the domain's error: MessengerRefusal for the documented permanent
 * refusals (opt-out flagged), a retryable DependencyError for 429, 5xx, credentials and the network,
 * and a non-retryable DependencyError for any other request Twilio rejected (the same request would be
 * rejected again).
 */
export function twilioSendError(error: unknown): DependencyError {
  if (error instanceof RestException || error instanceof TwilioServiceException) {
    const code = typeof error.code === 'number' ? error.code : undefined;
    const refusal = code === undefined ? undefined : REFUSALS[code];
    const what = `Messages API answered ${error.status}${code ? ` (error ${code})` : ''}: ${error.message}`;
    if (refusal && code !== undefined)
      return new MessengerRefusal(DEPENDENCY, `${refusal.reason} (Twilio error ${code})`, {
        optedOut: refusal.optedOut ?? false,
        cause: error,
      });
    return new DependencyError(DEPENDENCY, what, { cause: error, retryable: transient(error.status) });
  }
  // No answer at all (refused connection, reset, timeout): Twilio may or may not have the request.
  const reason = error instanceof Error ? error.message : String(error);
  return new DependencyError(DEPENDENCY, `Messages API unreachable: ${reason}`, {
    cause: error,
    retryable: true,
  });
}
