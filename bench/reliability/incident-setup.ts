// The incident campaign's world: bookings in two cities (one flooded), a policy copy with the pacing
// asked for, and a runtime of its own.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBookingReference } from '../../functions/domain/booking-reference';

/** One guest of the campaign: the booking and the phone it was made with. */
export interface CampaignGuest {
  readonly ref: string;
  readonly phone: string;
  readonly affected: boolean;
}

const LANGUAGES = ['en', 'pt', 'fr', 'de', 'es'] as const;

/** `count` guests in Lisbon (the flooded city) and `count` in Porto, each with their own phone. */
export function campaignGuests(count: number): CampaignGuest[] {
  return Array.from({ length: 2 * count }, (_, i) => ({
    ref: makeBookingReference(String(600_000_000 + i)),
    phone: `+3519${String(10_000_000 + i).padStart(8, '0')}`,
    affected: i < count,
  }));
}

/** The import rows of the guests (JSON lines): check-in in two days, a language each. */
export function importRows(guests: readonly CampaignGuest[]): string {
  return guests
    .map((g, i) =>
      JSON.stringify({
        reference: g.ref,
        pin: String(1000 + (i % 9000)),
        status: 'confirmed',
        checkIn: '2026-11-25',
        checkOut: '2026-11-28',
        propertyName: g.affected ? 'Hotel Tejo' : 'Hotel Douro',
        city: g.affected ? 'Lisbon' : 'Porto',
        propertyTimeZone: 'Europe/Lisbon',
        guestName: `Guest ${i}`,
        phone: g.phone,
        language: LANGUAGES[i % LANGUAGES.length],
      }),
    )
    .join('\n');
}

/** The shipped policy with `perMinute` incident notices, written into the campaign's data folder. */
export function pacedPolicy(dataDir: string, perMinute: number): string {
  const policy = JSON.parse(readFileSync('policy/routing-policy.json', 'utf8')) as Record<string, unknown>;
  const file = join(dataDir, 'routing-policy.json');
  writeFileSync(
    file,
    JSON.stringify({ ...policy, $schema: undefined, incidents: { notificationsPerMinute: perMinute } }),
  );
  return file;
}

/** The incident's message, per language the guests speak. */
export const INCIDENT_MESSAGE = {
  en: 'Hotel Tejo is closed after a flood; we are moving your stay and will confirm the new hotel today.',
  pt: 'O Hotel Tejo fechou após uma inundação; vamos mudar a sua estadia e confirmar o novo hotel hoje.',
  fr: "L'Hotel Tejo est fermé après une inondation ; nous déplaçons votre séjour et confirmons l'hôtel aujourd'hui.",
  de: 'Das Hotel Tejo ist nach einer Überschwemmung geschlossen; wir verlegen Ihren Aufenthalt noch heute.',
  es: 'El Hotel Tejo está cerrado por una inundación; trasladamos su estancia y confirmaremos el hotel hoy.',
} as const;
