// How long a wrong PIN takes to answer on a real booking and on a booking number that does not exist,
// side by side: the PIN step (claim the attempt, hash, count it) over dynalite with the production
// scrypt cost and a pepper. The two should be indistinguishable; before, the unknown one skipped scrypt
// and answered ~40 ms sooner. Prints figures; asserts nothing.
import { DEFAULT_SCRYPT_COST, ScryptPinHasher } from '../functions/adapters/crypto/scrypt-pin-hasher';
import { DynamoBookingStore } from '../functions/adapters/dynamodb/booking-store';
import { makeBookingReference } from '../functions/domain/booking-reference';
import type { Contact } from '../functions/domain/contact';
import { importBookings } from '../functions/domain/import/import-bookings';
import { parseImport } from '../functions/domain/import/parse-import';
import { identify } from '../functions/domain/intake/verify';
import { startDynalite } from '../test/support/dynalite';
import { quantile } from './support/load';

const ROUNDS = 60;
const REAL = makeBookingReference('100000002');
const UNKNOWN = makeBookingReference('199999999');
const now = new Date('2026-11-23T10:00:00.000Z');

const db = await startDynalite();
const bookings = new DynamoBookingStore(db.documentClient, db.tables.main);
const pinHasher = new ScryptPinHasher(DEFAULT_SCRYPT_COST, async () => 'bench-pepper-0123456789abcdef');
await importBookings(
  { bookings, pinHasher, now },
  await parseImport(
    JSON.stringify([
      {
        reference: REAL,
        pin: '2222',
        status: 'confirmed',
        checkIn: '2026-11-22',
        checkOut: '2026-11-26',
        propertyName: 'Alpenhof Garmisch',
        propertyTimeZone: 'Europe/Berlin',
        guestName: 'Jonas Becker',
        phone: '+4915112345678',
        language: 'de',
        tier: 'platinum',
      },
    ]),
  ),
);

const call = (reference: string): Contact => ({
  channel: 'voice',
  channelMessageId: 'CAbench',
  from: '',
  to: '+442079460100',
  text: '',
  receivedAt: now.toISOString(),
  bookingRef: reference,
  pin: '0000',
});

async function wrongPinMs(reference: string): Promise<number> {
  // A fresh guard each time: the bench measures checked PINs, not the locked answer.
  await bookings.clearPinFailures(reference);
  const started = performance.now();
  await identify(bookings, pinHasher, call(reference), undefined, null, now);
  return performance.now() - started;
}

// Warm-up, then alternate so drift on a shared machine falls on both sides alike.
for (let i = 0; i < 5; i++) await Promise.all([wrongPinMs(REAL), wrongPinMs(UNKNOWN)]);
const times: Record<'real' | 'unknown', number[]> = { real: [], unknown: [] };
for (let i = 0; i < ROUNDS; i++) {
  times.real.push(await wrongPinMs(REAL));
  times.unknown.push(await wrongPinMs(UNKNOWN));
}

const { N, r, p } = DEFAULT_SCRYPT_COST;
console.log(
  `wrong PIN at the PIN step (claim, scrypt N=${N} r=${r} p=${p} peppered, count), ${ROUNDS} each:`,
);
console.log('reference          median     p90');
for (const [name, values] of Object.entries(times)) {
  const sorted = [...values].sort((a, b) => a - b);
  const fmt = (ms: number) => `${ms.toFixed(1).padStart(6)} ms`;
  console.log(`${name.padEnd(16)} ${fmt(quantile(sorted, 0.5))} ${fmt(quantile(sorted, 0.9))}`);
}

await db.stop();
