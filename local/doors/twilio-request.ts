import type { SignedRequest } from '../../functions/adapters/twilio/signature';
import { parseForm } from '../../functions/handlers/http/form';
import type { ApiRequest } from '../http/router';

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

// Twilio (and our CLI) sign the URL they called, so the Host they used is the one to check against.
function hostOrigin(host: string | undefined): string | undefined {
  return host ? `http://${host}` : undefined;
}

/**
 * A request to a local Twilio door as its signature covers it: the URL is PUBLIC_ORIGIN (a tunnel's
 * https address) + the request target when set, else http://Host + target, else the doors' own address.
 */
export async function twilioSignedRequest(req: ApiRequest, doorsUrl: () => string): Promise<SignedRequest> {
  const origin = process.env.PUBLIC_ORIGIN?.replace(/\/$/, '');
  return {
    url: `${origin ?? hostOrigin(req.headers.host) ?? doorsUrl()}${req.rawUrl}`,
    params: parseForm(await req.text()),
    signature: headerOf(req.headers['x-twilio-signature']),
  };
}
