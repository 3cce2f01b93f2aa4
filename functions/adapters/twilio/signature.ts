// The submodule import keeps a handler bundle small (~83 KB instead of ~3.75 MB for the whole SDK).
import { getExpectedTwilioSignature, validateRequest } from 'twilio/lib/webhooks/webhooks';
import type { FormParams } from '../../handlers/http/form';
import { resplitRisk } from './resplit-guard';

/** A Twilio webhook request as far as its signature is concerned. */
export interface SignedRequest {
  /** The full public URL Twilio called, with its query string. */
  readonly url: string;
  /** The form parameters of the POST body (empty for GET), a repeated key with all its values. */
  readonly params: FormParams;
  /** The X-Twilio-Signature header, if any. */
  readonly signature: string | undefined;
}

// twilio-node takes a repeated key as an array and signs it as Twilio does (twilio-node PR #723,
// twilio-python #613): the name once before each distinct value, values sorted.
function paramsForTwilio(params: FormParams): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : [...v]]));
}

/** True only when X-Twilio-Signature is the HMAC-SHA1 of the URL and sorted params under this token. */
export function hasValidTwilioSignature(authToken: string, request: SignedRequest): boolean {
  if (!request.signature || !authToken) return false;
  return validateRequest(authToken, request.signature, request.url, paramsForTwilio(request.params));
}

/**
 * Why Twilio's doors refuse this request (answered 403), or undefined when it is Twilio's: the
 * signature must match, and the parameters must not be a re-split of what Twilio signed (resplit-guard.ts).
 */
export function twilioRequestRefusal(authToken: string, request: SignedRequest): string | undefined {
  if (!hasValidTwilioSignature(authToken, request)) return 'X-Twilio-Signature does not match this request';
  const risk = resplitRisk(request.params);
  return risk && `X-Twilio-Signature also fits other parameters than these: ${risk}`;
}

/** The signature Twilio would send for this URL and parameters (for the local CLIs and tests). */
export function twilioSignatureFor(authToken: string, url: string, params: FormParams): string {
  return getExpectedTwilioSignature(authToken, url, paramsForTwilio(params));
}
