// Seeded, varied routing inputs shared by the routing benchmark and its json-rules-engine peer.
import { readFileSync } from 'node:fs';
import { rollingHolidaySource } from '../../functions/adapters/holidays/date-holidays-calendar';
import { type Booking, LOYALTY_TIERS } from '../../functions/domain/booking';
import { type Classification, TOPICS } from '../../functions/domain/classification';
import type { Customer } from '../../functions/domain/customer';
import { LANGUAGES } from '../../functions/domain/languages';
import type { Staffing } from '../../functions/domain/routing/decision';
import { loadRoutingPolicy } from '../../functions/domain/routing/load-policy';

const policyFile = new URL('../../policy/routing-policy.json', import.meta.url);
/** The shipped default policy. */
export const policy = loadRoutingPolicy(
  JSON.parse(readFileSync(policyFile, 'utf8')),
  rollingHolidaySource(new Date()),
);
/** One day in milliseconds. */
export const DAY = 86_400_000;

/** One routing question. */
export interface Input {
  readonly contact: { channel: 'email'; classification: Classification };
  readonly booking: Booking | undefined;
  readonly customer: Customer;
  readonly now: Date;
  readonly staffing: Staffing | undefined;
}

// Seeded (mulberry32), so every run measures the same inputs.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` seeded inputs over ten languages, four tiers, eleven topics and a week. */
export function makeInputs(count: number): Input[] {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const zones = ['Europe/Paris', 'Europe/London', 'Asia/Jakarta', 'America/Sao_Paulo', 'Asia/Shanghai'];
  const statuses = ['confirmed', 'confirmed', 'confirmed', 'pending', 'cancelled', 'completed', 'no_show'];
  const weekStart = Date.UTC(2026, 5, 8); // Monday 2026-06-08: `now` spreads over the following week
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return Array.from({ length: count }, () => {
    const now = weekStart + Math.floor(rnd() * 7 * 24 * 60) * 60_000;
    const tier = pick(LOYALTY_TIERS);
    const start = now + Math.floor((rnd() * 70 - 10) * DAY); // check-in from 10 days ago to 60 days ahead
    const stay = { checkIn: day(start), checkOut: day(start + (1 + Math.floor(rnd() * 10)) * DAY) };
    const status = pick(statuses);
    const bookingTier = rnd() < 0.3 ? pick(LOYALTY_TIERS) : tier;
    const language = rnd() < 0.03 ? 'ja' : pick(LANGUAGES);
    const classification = {
      language,
      confidence: 0.9,
      topic: pick(TOPICS),
      urgent: rnd() < 0.15,
      bookingRef: null,
    };
    // Built as one literal, as a store's unmarshalled record is: ~2× slower with object-spread bookings (V8 shapes).
    return {
      contact: { channel: 'email', classification: classification as Classification },
      booking:
        rnd() < 0.8
          ? ({
              reference: '1234567897',
              pinHash: 'x',
              status,
              checkIn: stay.checkIn,
              checkOut: stay.checkOut,
              propertyName: 'H',
              propertyTimeZone: pick(zones),
              guestName: 'G',
              language: 'en',
              tier: bookingTier,
              refundStatus: 'none',
              customerId: 'c',
              updatedAt: '',
            } as Booking)
          : undefined,
      customer: { id: 'c', name: 'G', phones: [], emails: [], language: 'en', tier, bookingRefs: [] },
      now: new Date(now),
      staffing: rnd() < 0.1 ? { [`${pick(LANGUAGES)}-team`]: 0 } : undefined,
    };
  });
}
