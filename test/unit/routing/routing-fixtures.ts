// Shared inputs for the routing tests: the shipped policy, and small builders for contacts and bookings.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Booking, LoyaltyTier } from '../../../functions/domain/booking';
import type { Classification, Topic } from '../../../functions/domain/classification';
import type { Language } from '../../../functions/domain/languages';
import { loadRoutingPolicy } from '../../../functions/domain/routing/load-policy';
import type { RoutingPolicy } from '../../../functions/domain/routing/policy-schema';
import type { RoutableContact } from '../../../functions/domain/routing/route';
import { testHolidays } from '../../support/test-holidays';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The policy file as JSON, for tests that break or tweak a copy. */
export function defaultPolicyJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, 'policy/routing-policy.json'), 'utf8'));
}

/** The shipped default policy, loaded once. */
export const defaultPolicy: RoutingPolicy = loadRoutingPolicy(defaultPolicyJson(), testHolidays);

/** Path of a file in the repository. */
export function repoPath(relative: string): string {
  return join(root, relative);
}

/** A contact as the classifier leaves it. */
export function contactOf(language: Language | string, topic: Topic, urgent = false): RoutableContact {
  const classification: Classification = {
    language: language as Language,
    confidence: 0.9,
    topic,
    urgent,
    bookingRef: null,
  };
  return { channel: 'email', classification };
}

/** A confirmed booking; override what the test is about. */
export function bookingOf(overrides: Partial<Booking> = {}): Booking {
  return {
    reference: '1234567897',
    pinHash: 'x',
    status: 'confirmed',
    checkIn: '2026-07-10',
    checkOut: '2026-07-14',
    propertyName: 'Hôtel du Lac',
    propertyTimeZone: 'Europe/Paris',
    guestName: 'Ana Lima',
    language: 'fr',
    tier: 'standard' satisfies LoyaltyTier,
    refundStatus: 'none',
    customerId: 'c-1',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

/** A tiny valid policy whose one team has the hours the test needs (in `timeZone`). */
export function policyWithTeam(team: Record<string, unknown>, timeZone = 'Europe/Paris'): RoutingPolicy {
  const json = defaultPolicyJson();
  const queues = json.queues as Record<string, Record<string, unknown>>;
  queues['fr-team'] = {
    displayName: 'Test team',
    language: 'fr',
    timeZone,
    ...team,
  };
  return loadRoutingPolicy(json, testHolidays);
}
