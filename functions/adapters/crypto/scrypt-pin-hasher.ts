import { createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { PinHasher } from '../../domain/ports';
import { type Pepper, type PepperRing, parsePepperRing } from './pepper-ring';

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
// Any salt does for work whose result is thrown away; a fixed one spares a randomBytes call.
const UNKNOWN_BOOKING_SALT = Buffer.alloc(SALT_BYTES, 0x5a);
// Stored hashes carry their own cost; this caps what a tampered or ancient record can make us spend.
const MAX_N = 2 ** 17;

/**
 * The server-side key PINs are peppered with (Secrets Manager in AWS, the data folder locally): a bare
 * pepper, or a rotation's `{"current", "previous"}` (pepper-ring.ts).
 */
export type PinPepper = () => Promise<string>;

const PLAIN = 'scrypt';
const PEPPERED = 'scrypt-hmac';

/**
 * PinHasher on node:crypto scrypt: `scrypt-hmac@<pepper id>$N$r$p$salt$hash` (salt and hash in
 * base64url) over an HMAC-SHA256 of the PIN under the pepper. A 4-digit PIN has 10,000 values, so a
 * copy of the table alone would give up any one PIN in minutes; without the pepper, which never sits in
 * the table, it gives up none. The pepper id says which pepper of a rotation to check with. Hashes from
 * before the pepper (`scrypt$…`) and before pepper ids (`scrypt-hmac$…`, tried with every pepper)
 * still verify.
 */
export class ScryptPinHasher implements PinHasher {
  constructor(
    private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST,
    private readonly pepper?: PinPepper,
  ) {}

  private ring: { readonly secret: string; readonly ring: PepperRing } | undefined;

  async hash(pin: string): Promise<string> {
    const { N, r, p } = this.cost;
    const salt = randomBytes(SALT_BYTES);
    const pepper = this.pepper ? (await this.peppers()).current : undefined;
    const key = await derive(secretOf(pin, pepper), salt, this.cost, KEY_BYTES);
    const scheme = pepper ? `${PEPPERED}@${pepper.id}` : PLAIN;
    return [scheme, N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  /**
   * True when `pin` matches; false for a wrong PIN or anything that is not one of our hashes. With no
   * stored hash (an unknown booking) it derives once at the current cost and pepper, as a real check
   * does, so the answer does not come sooner for a reference that does not exist.
   */
  async verify(pin: string, stored: string | undefined): Promise<boolean> {
    if (stored === undefined) {
      const pepper = this.pepper ? (await this.peppers()).current : undefined;
      await derive(secretOf(pin, pepper), UNKNOWN_BOOKING_SALT, this.cost, KEY_BYTES);
      return false;
    }
    const parsed = parse(stored);
    if (!parsed) return false;
    const candidates = parsed.peppered ? await this.peppersFor(parsed.pepperId) : [undefined];
    for (const pepper of candidates) {
      const actual = await derive(secretOf(pin, pepper), parsed.salt, parsed.cost, parsed.key.length);
      if (timingSafeEqual(actual, parsed.key)) return true;
    }
    return false;
  }

  // The pepper a hash names, or every pepper for a hash from before pepper ids.
  private async peppersFor(id: string | undefined): Promise<readonly Pepper[]> {
    const { current, previous } = await this.peppers();
    const all = [current, ...previous];
    if (id === undefined) return all;
    const named = all.find((pepper) => pepper.id === id);
    // A hash made with a pepper the secret no longer holds is a deployment fault, not a wrong PIN.
    if (!named)
      throw new Error(
        `this PIN hash was made with pepper ${id}, which the PIN pepper secret no longer holds: put it back as "previous" or re-import the bookings`,
      );
    return [named];
  }

  private async peppers(): Promise<PepperRing> {
    // A peppered hash checked without the pepper is a deployment fault, not a wrong PIN: say so.
    if (!this.pepper) throw new Error('this PIN hash is peppered, but no PIN pepper is configured');
    const secret = await this.pepper();
    if (this.ring?.secret !== secret) this.ring = { secret, ring: parsePepperRing(secret) };
    return this.ring.ring;
  }
}

function secretOf(pin: string, pepper: Pepper | undefined): string | Buffer {
  const normalised = pin.normalize('NFKC');
  return pepper ? createHmac('sha256', pepper.key).update(normalised).digest() : normalised;
}

const scryptAsync = promisify(scrypt) as (
  password: string | Buffer,
  salt: Buffer,
  length: number,
  options: ScryptCost & { maxmem: number },
) => Promise<Buffer>;

// The async scrypt runs on libuv's pool, so a Lambda or the local runtime keeps serving meanwhile.
function derive(secret: string | Buffer, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  // maxmem must exceed 128·N·r bytes or Node refuses the larger costs.
  const maxmem = 256 * cost.N * cost.r + 1024 * 1024;
  return scryptAsync(secret, salt, length, { ...cost, maxmem });
}

interface ParsedHash {
  readonly peppered: boolean;
  readonly pepperId?: string | undefined;
  readonly cost: ScryptCost;
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parse(stored: string): ParsedHash | undefined {
  const [scheme = '', n, r, p, salt, key, ...rest] = stored.split('$');
  const [name, pepperId, ...more] = scheme.split('@');
  const known = name === PLAIN ? pepperId === undefined : name === PEPPERED && pepperId !== '';
  if (!known || more.length > 0 || rest.length > 0 || !salt || !key) return undefined;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = Number.isInteger(cost.N) && cost.N > 1 && (cost.N & (cost.N - 1)) === 0;
  if (!powerOfTwo || cost.N > MAX_N || !isSmallInt(cost.r) || !isSmallInt(cost.p)) return undefined;
  const keyBytes = Buffer.from(key, 'base64url');
  if (keyBytes.length < 16) return undefined;
  const peppered = name === PEPPERED;
  return { peppered, pepperId, cost, salt: Buffer.from(salt, 'base64url'), key: keyBytes };
}

function isSmallInt(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 32;
}
