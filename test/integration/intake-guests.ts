import { makeBookingReference } from '../../functions/domain/booking-reference';
import type { IntakeHarness } from '../support/intake-harness';

/** Monday 23 Nov 2026, 11:00 in Paris: the French team is open. */
export const NOW = new Date('2026-11-23T10:00:00.000Z');
/** Camille's booking (Paris, gold, checking in today). */
export const CAMILLE = makeBookingReference('300000001');
/** Jonas's booking (Alpenhof, German). */
export const JONAS = makeBookingReference('300000002');

const booking = (reference: string, extra: Record<string, unknown>) => ({
  reference,
  pin: '1111',
  status: 'confirmed',
  checkIn: '2026-11-23',
  checkOut: '2026-11-26',
  propertyName: 'Hôtel Lumière Paris',
  propertyTimeZone: 'Europe/Paris',
  language: 'fr',
  tier: 'gold',
  ...extra,
});

/** Imports Camille's and Jonas's bookings (PIN 1111) into the harness. */
export async function seedGuests(h: IntakeHarness): Promise<void> {
  await h.seed([
    booking(CAMILLE, { guestName: 'Camille Martin', phone: '+33612345678', email: 'camille@example.fr' }),
    booking(JONAS, {
      guestName: 'Jonas Becker',
      phone: '+4915112345678',
      language: 'de',
      propertyName: 'Alpenhof',
      propertyTimeZone: 'Europe/Berlin',
    }),
  ]);
}
