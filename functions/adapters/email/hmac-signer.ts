import { createHmac } from 'node:crypto';
import type { Sign } from '../../domain/email/reply-token';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** HMAC-SHA256 under a secret key, in lower-case base32: the signature of our reply references. */
export function hmacSigner(secret: string): Sign {
  if (secret.length < 16) throw new Error('the reply signing key must be at least 16 characters');
  return (value) => base32(createHmac('sha256', secret).update(value).digest());
}
