import { ValidationError } from '../../domain/errors';

/** Form parameters as sent: a key given once holds its value, a repeated key all its values in order. */
export type FormParams = Readonly<Record<string, string | readonly string[]>>;

/**
 * Reads an application/x-www-form-urlencoded body leniently: unknown parameters are kept (Twilio adds
 * them without notice), a repeated key keeps every value (Twilio signs them all: see
 * adapters/twilio/signature.ts), and malformed escapes are kept as typed rather than failing the request.
 */
export function parseForm(body: string | undefined | null, isBase64Encoded = false): FormParams {
  if (!body) return {};
  const text = isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
  // A null-prototype object: a key named "__proto__" or "constructor" is a parameter like any other.
  const out: Record<string, string | string[]> = Object.create(null);
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = decode(eq === -1 ? '' : pair.slice(eq + 1));
    if (key === '') continue;
    const earlier = out[key];
    if (earlier === undefined) out[key] = value;
    else if (typeof earlier === 'string') out[key] = [earlier, value];
    else earlier.push(value);
  }
  return out;
}

/**
 * The parameters a door reads, one value each. Twilio sends each of its documented fields once; a
 * repeated one is a ValidationError naming it (which value would be the real one?). Repeated keys the
 * door does not read stay out of this view: they were checked with the signature, nothing reads them.
 */
export function singleValues(params: FormParams, read: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string') out[key] = value;
    else if (read.includes(key))
      throw new ValidationError(key, `sent ${value.length} times; Twilio sends it once`);
  }
  return out;
}

function decode(value: string): string {
  const spaced = value.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
