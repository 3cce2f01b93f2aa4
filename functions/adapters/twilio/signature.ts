// The submodule import keeps a handler bundle small (~83 KB instead of ~3.75 MB for the whole SDK).
import { getExpectedTwilioSignature, validateRequest } from 'twilio/lib/webhooks/webhooks';

/** A Twilio webhook request as far as its signature is concerned. */
export interface SignedRequest {
  /** The full public URL Twilio called, with its query string. */
  readonly url: string;
  /** The form parameters of the POST body (empty for GET). */
  readonly params: Readonly<Record<string, string>>;
  /** The X-Twilio-Signature header, if any. */
  readonly signature: string | undefined;
}

/** True only when X-Twilio-Signature is the HMAC-SHA1 of the URL and sorted params under this token. */
export function hasValidTwilioSignature(authToken: string, request: SignedRequest): boolean {
  if (!request.signature || !authToken) return false;
  return validateRequest(authToken, request.signature, request.url, { ...request.params });
}

/** The signature Twilio would send for this URL and parameters (for the local CLIs and tests). */
export function twilioSignatureFor(
  authToken: string,
  url: string,
  params: Readonly<Record<string, string>>,
): string {
  return getExpectedTwilioSignature(authToken, url, { ...params });
}
