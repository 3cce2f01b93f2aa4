/**
 * Reads an application/x-www-form-urlencoded body leniently: unknown parameters are kept (Twilio adds
 * them without notice), a repeated key keeps its first value, and malformed escapes are kept as typed
 * rather than failing the whole request.
 */
export function parseForm(body: string | undefined | null, isBase64Encoded = false): Record<string, string> {
  if (!body) return {};
  const text = isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
  const out: Record<string, string> = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    const key = decode(rawKey);
    if (key === '' || Object.hasOwn(out, key)) continue;
    out[key] = decode(rawValue);
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
