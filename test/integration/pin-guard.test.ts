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

  it('counts wrong PINs and returns the guard with the booking', async () => {
    // Prepare
    const reference = await newBooking();

    // Act
    await store.recordPinFailure(reference, at(0), limits);
    await store.recordPinFailure(reference, at(1), limits);
    const found = await store.getBooking(reference, at(2));

    // Assess
    expect(found?.pinGuard).toEqual({ failures: 2, expiresAt: at(31).toISOString() });
  });

  it('locks the booking at the fifth wrong PIN', async () => {
    // Prepare
    const reference = await newBooking();
    for (let i = 0; i < 4; i++) await store.recordPinFailure(reference, at(i), limits);

    // Act
    const guard = await store.recordPinFailure(reference, at(4), limits);

    // Assess
    expect(guard.failures).toBe(5);
    expect(guard.lockedUntil).toBe(at(34).toISOString());
    expect((await store.getBooking(reference, at(10)))?.pinGuard?.lockedUntil).toBe(at(34).toISOString());
  });

  it('counts every one of five concurrent wrong PINs and locks once', async () => {
    // Prepare
    const reference = await newBooking();

    // Act
    const guards = await Promise.all(
      Array.from({ length: 5 }, () => store.recordPinFailure(reference, at(0), limits)),
    );

    // Assess
    const found = await store.getBooking(reference, at(1));
    expect(found?.pinGuard?.failures).toBe(5);
    expect(found?.pinGuard?.lockedUntil).toBe(at(30).toISOString());
    expect(guards.map((g) => g.failures).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('ignores a guard an hour old and starts counting again at the next wrong PIN', async () => {
    // Prepare
    const reference = await newBooking();
    for (let i = 0; i < 5; i++) await store.recordPinFailure(reference, at(0), limits);

    // Act
    const anHourLater = await store.getBooking(reference, at(60));
    const next = await store.recordPinFailure(reference, at(61), limits);

    // Assess
    expect(anHourLater?.pinGuard).toBeUndefined();
    expect(next).toEqual({ failures: 1, expiresAt: at(91).toISOString() });
  });

  it('forgets the wrong PINs once the right PIN is given', async () => {
    // Prepare
    const reference = await newBooking();
    await store.recordPinFailure(reference, at(0), limits);

    // Act
    await store.clearPinFailures(reference);

    // Assess
    expect((await store.getBooking(reference, at(1)))?.pinGuard).toBeUndefined();
  });

  it('fails a PIN check whose hash names a pepper the secret lost, without counting a failure', async () => {
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
    expect((await store.getBooking(reference, at(1)))?.pinGuard).toBeUndefined();
  });
});
