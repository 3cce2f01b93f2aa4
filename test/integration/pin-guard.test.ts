import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScryptPinHasher } from '../../functions/adapters/crypto/scrypt-pin-hasher';
import { DynamoBookingStore } from '../../functions/adapters/dynamodb/booking-store';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import type { Contact } from '../../functions/domain/contact';
import { identify } from '../../functions/domain/intake/verify';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { aBooking, unique } from './builders';

const limits = { maxFailures: 5, lockMinutes: 30 };
const at = (minutes: number) => new Date(Date.parse('2025-06-01T10:00:00.000Z') + minutes * 60_000);

describe('DynamoBookingStore: PIN lockout', () => {
  let db: Dynalite;
  let store: DynamoBookingStore;

  beforeAll(async () => {
    db = await startDynalite();
    store = new DynamoBookingStore(db.documentClient, db.tables.main);
  });
  afterAll(() => db.stop());

  async function newBooking(): Promise<string> {
    const reference = unique('ref');
    await store.putBooking(aBooking({ reference }));
    return reference;
  }

  const claim = (reference: string, minutes: number) => store.claimPinAttempt(reference, at(minutes), limits);

  it('counts claimed attempts and returns the guard with the booking', async () => {
    // Prepare
    const reference = await newBooking();

    // Act
    await claim(reference, 0);
    await claim(reference, 1);
    const found = await store.getBooking(reference, at(2));

    // Assess
    expect(found?.pinGuard).toEqual({ failures: 2, expiresAt: at(31).toISOString() });
  });

  it('grants five attempts and refuses the sixth until the guard expires', async () => {
    // Prepare
    const reference = await newBooking();
    for (let i = 0; i < 5; i++) expect(await claim(reference, i)).toEqual({ granted: true });

    // Act
    const sixth = await claim(reference, 10);

    // Assess: refused, and the refusal does not extend the lock
    expect(sixth).toEqual({ granted: false });
    expect((await store.getBooking(reference, at(10)))?.pinGuard).toEqual({
      failures: 5,
      expiresAt: at(34).toISOString(),
    });
  });

  it('grants exactly five of 100 concurrent attempts', async () => {
    // Prepare
    const reference = await newBooking();

    // Act
    const claims = await Promise.all(Array.from({ length: 100 }, () => claim(reference, 0)));

    // Assess
    expect(claims.filter((c) => c.granted)).toHaveLength(5);
    expect((await store.getBooking(reference, at(1)))?.pinGuard?.failures).toBe(5);
  });

  it('keeps a guard for a reference with no booking, exactly as for one with a booking', async () => {
    // Prepare
    const unknown = unique('no-such-booking');

    // Act
    const claims = await Promise.all(Array.from({ length: 7 }, () => claim(unknown, 0)));

    // Assess
    expect(claims.filter((c) => c.granted)).toHaveLength(5);
  });

  it('ignores a guard an hour old and starts counting again at the next attempt', async () => {
    // Prepare
    const reference = await newBooking();
    for (let i = 0; i < 5; i++) await claim(reference, 0);

    // Act
    const anHourLater = await store.getBooking(reference, at(60));
    const next = await claim(reference, 61);

    // Assess
    expect(anHourLater?.pinGuard).toBeUndefined();
    expect(next).toEqual({ granted: true });
    expect((await store.getBooking(reference, at(61)))?.pinGuard).toEqual({
      failures: 1,
      expiresAt: at(91).toISOString(),
    });
  });

  it('forgets the claimed attempts once the right PIN is given', async () => {
    // Prepare
    const reference = await newBooking();
    await claim(reference, 0);

    // Act
    await store.clearPinFailures(reference);

    // Assess
    expect((await store.getBooking(reference, at(1)))?.pinGuard).toBeUndefined();
  });

  it('gives one attempt back, never below none', async () => {
    // Prepare
    const reference = await newBooking();
    await claim(reference, 0);
    await claim(reference, 0);

    // Act
    await store.releasePinAttempt(reference);
    await store.releasePinAttempt(reference);
    await store.releasePinAttempt(reference);

    // Assess
    expect((await store.getBooking(reference, at(1)))?.pinGuard?.failures).toBe(0);
  });

  it('fails a PIN check whose hash names a pepper the secret lost, giving its claimed attempt back', async () => {
    // Prepare: a PIN hashed under the old pepper, checked after the secret was replaced without it
    const reference = makeBookingReference(String(100_000_000 + Math.floor(Math.random() * 899_999_999)));
    const old = new ScryptPinHasher({ N: 2 ** 10, r: 8, p: 1 }, async () => 'old-pepper-0123456789');
    await store.putBooking(aBooking({ reference, pinHash: await old.hash('2468') }));
    const replaced = new ScryptPinHasher(undefined, async () => 'new-pepper-0123456789');
    const contact: Contact = {
      channel: 'voice',
      channelMessageId: 'CA-pepper',
      from: '+33612345678',
      to: '+33199001100',
      text: '',
      bookingRef: reference,
      pin: '2468',
      receivedAt: at(0).toISOString(),
    };
    // Act
    const check = identify(store, replaced, contact, undefined, null, at(0));
    // Assess: a deployment fault the door reports, not a wrong PIN towards the guest's lockout
    await expect(check).rejects.toThrow('no longer holds');
    expect((await store.getBooking(reference, at(1)))?.pinGuard?.failures ?? 0).toBe(0);
  });
});
