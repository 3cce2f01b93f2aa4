import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import type { OutboxEntry } from '../../functions/handlers/agent/outbound-view';
import { readConfig } from '../../local/config';
import { type Runtime, startRuntime } from '../../local/runtime';

// Monday 23 Nov 2026, 11:00 in Madrid: daytime for the guest.
const NOW = '2026-11-23T10:00:00.000Z';
const REF = makeBookingReference('600000001');
const PHONE = '+34612345670';
const BOOKING = {
  pin: '4321',
  status: 'confirmed',
  checkIn: '2027-03-01',
  checkOut: '2027-03-04',
  propertyName: 'Hotel Mirador',
  propertyTimeZone: 'Europe/Madrid',
  guestName: 'Lucía Pérez',
  phone: PHONE,
  language: 'es',
  refundStatus: 'requested',
};

describe('booking updates on the local runtime', () => {
  let runtime: Runtime;

  beforeAll(async () => {
    runtime = await startRuntime({
      ...readConfig({ PORT: '0', CONTACT_ROUTER_NOW: NOW }),
      dataDir: 'memory',
      seedDemo: false,
    });
  });
  afterAll(() => runtime.close());

  const put = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${runtime.url}/api/bookings/${REF}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  async function notificationsToGuest(): Promise<OutboxEntry[]> {
    const body = (await (await fetch(`${runtime.url}/api/outbox`)).json()) as { messages: OutboxEntry[] };
    return body.messages.filter((m) => m.to === PHONE);
  }

  it('tells the guest once of a change made through PUT /api/bookings/:ref, and shows it in the outbox', async () => {
    // Prepare
    expect((await put(BOOKING)).status).toBe(200);
    expect((await put(BOOKING)).status).toBe(200);
    const beforeChange = await notificationsToGuest();
    // Act
    await put({ ...BOOKING, status: 'cancelled' });
    await put({ ...BOOKING, status: 'cancelled' });
    // Assess
    expect(beforeChange).toEqual([]);
    const after = await notificationsToGuest();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      kind: 'notification',
      channel: 'sms',
      language: 'es',
      delivery: 'sent',
    });
    expect(after[0]?.text).toContain(`Hotel Mirador ha cancelado su reserva ${REF}.`);
  });

  it('refuses a change from another site’s page, and nobody is told anything', async () => {
    // Act
    const response = await put({ ...BOOKING, refundStatus: 'paid' }, { origin: 'https://evil.example' });
    // Assess
    expect(response.status).toBe(403);
    expect(await notificationsToGuest()).toHaveLength(1);
  });
});
