import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { PinHasher } from '../../domain/ports';

/** scrypt cost parameters; N must be a power of two. */
export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

// N=2^13, r=8: ~12 ms per hash on this project's 2-core EPYC (2^14 took ~25 ms): the hasher runs
// synchronously inside a Lambda on every PIN check, so the cost stays inside the 5–20 ms budget.
/** The default cost: ~12 ms and 8 MiB per hash or verify. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 13, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;
// Stored hashes carry their own cost; this caps what a tampered or ancient record can make us spend.
const MAX_N = 2 ** 17;

/** PinHasher on node:crypto scrypt: `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export class ScryptPinHasher implements PinHasher {
  constructor(private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST) {}

  async hash(pin: string): Promise<string> {
    const { N, r, p } = this.cost;
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(pin, salt, this.cost, KEY_BYTES);
    return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  /** True when `pin` matches; false for a wrong PIN or anything that is not one of our hashes. */
  async verify(pin: string, stored: string): Promise<boolean> {
    const parsed = parse(stored);
    if (!parsed) return false;
    const actual = await derive(pin, parsed.salt, parsed.cost, parsed.key.length);
    return timingSafeEqual(actual, parsed.key);
  }
}

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  length: number,
  options: ScryptCost & { maxmem: number },
) => Promise<Buffer>;

// The async scrypt runs on libuv's pool, so a Lambda or the local runtime keeps serving meanwhile.
function derive(pin: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  // maxmem must exceed 128·N·r bytes or Node refuses the larger costs.
  const maxmem = 256 * cost.N * cost.r + 1024 * 1024;
  return scryptAsync(pin.normalize('NFKC'), salt, length, { ...cost, maxmem });
}

function parse(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | undefined {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || !salt || !key) return undefined;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = Number.isInteger(cost.N) && cost.N > 1 && (cost.N & (cost.N - 1)) === 0;
  if (!powerOfTwo || cost.N > MAX_N || !isSmallInt(cost.r) || !isSmallInt(cost.p)) return undefined;
  const keyBytes = Buffer.from(key, 'base64url');
  if (keyBytes.length < 16) return undefined;
  return { cost, salt: Buffer.from(salt, 'base64url'), key: keyBytes };
}

function isSmallInt(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 32;
}
