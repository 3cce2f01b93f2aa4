import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoBookingStore } from '../../functions/adapters/dynamodb/booking-store';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { aBooking, aCustomer, unique } from './builders';

describe('DynamoBookingStore: bookings and customers', () => {
  let db: Dynalite;
  let store: DynamoBookingStore;
  const now = new Date('2025-06-01T10:00:00.000Z');

  beforeAll(async () => {
    db = await startDynalite();
    store = new DynamoBookingStore(db.documentClient, db.tables.main);
  });
  afterAll(() => db.stop());

  it('returns a stored booking by its reference, without a PIN guard when no PIN was wrong', async () => {
    // Prepare
    const booking = aBooking({ reference: unique('ref') });
    await store.putBooking(booking);

    // Act
    const found = await store.getBooking(booking.reference, now);

    // Assess
    expect(found).toEqual({ booking });
  });

  it('returns undefined for a reference nobody booked', async () => {
    // Act
    const found = await store.getBooking('0000000000', now);

    // Assess
    expect(found).toBeUndefined();
  });

  it('keeps optional fields out when they are undefined', async () => {
    // Prepare
    const booking = aBooking({ reference: unique('ref'), phone: undefined, email: undefined });
    await store.putBooking(booking);

    // Act
    const found = await store.getBooking(booking.reference, now);

    // Assess
    expect(found?.booking).not.toHaveProperty('phone');
    expect(found?.booking.guestName).toBe('Ana Silva');
  });

  it('finds a customer by each of their phones and by their email', async () => {
    // Prepare
    const phone = `+3361${Math.floor(Math.random() * 1e7)}`;
    const customer = aCustomer({ phones: [phone, '+351912340000'], emails: [`${unique('a')}@example.com`] });
    await store.putCustomer(customer);

    // Act
    const found = await Promise.all(
      [...customer.phones, ...customer.emails].map((point) => store.findCustomer(point)),
    );

    // Assess
    expect(found).toEqual([customer, customer, customer]);
  });

  it('forgets a phone the customer no longer has when the customer is replaced', async () => {
    // Prepare
    const oldPhone = `+3362${Math.floor(Math.random() * 1e7)}`;
    const newPhone = `+3363${Math.floor(Math.random() * 1e7)}`;
    const customer = aCustomer({ phones: [oldPhone], emails: [] });
    await store.putCustomer(customer);

    // Act
    await store.putCustomer({ ...customer, phones: [newPhone], name: 'Ana Silva-Costa' });

    // Assess
    expect(await store.findCustomer(oldPhone)).toBeUndefined();
    expect((await store.findCustomer(newPhone))?.name).toBe('Ana Silva-Costa');
  });

  it('returns undefined for a contact point nobody uses', async () => {
    // Act
    const found = await store.findCustomer('nobody@example.com');

    // Assess
    expect(found).toBeUndefined();
  });
});
