import { describe, expect, it } from 'vitest';
import type { Customer } from '../../../functions/domain/customer';
import { route } from '../../../functions/domain/routing/route';
import { bookingOf, contactOf, defaultPolicy } from './routing-fixtures';

// Wednesday 2026-07-08 10:00 in Paris: every European team is open.
const WEDNESDAY_MORNING = new Date('2026-07-08T08:00:00Z');
const customer: Customer = {
  id: 'c-1',
  name: 'Ana',
  phones: [],
  emails: [],
  language: 'fr',
  tier: 'silver',
  bookingRefs: [],
};

describe('route', () => {
  it('explains every point it counts, in order', () => {
    // Prepare: check-in 2026-07-09 15:00 Paris = 13:00 UTC, 29 h away
    const booking = bookingOf({ tier: 'gold', checkIn: '2026-07-09', checkOut: '2026-07-12' });
    // Act
    const decision = route(
      defaultPolicy,
      contactOf('fr', 'change_booking'),
      booking,
      customer,
      WEDNESDAY_MORNING,
    );
    // Assess
    expect(decision).toEqual({
      queue: 'fr-team',
      priority: 3,
      language: 'fr',
      expectedResponseMinutes: 30,
      fallbackUsed: false,
      reasons: [
        'language fr → fr-team',
        'topic change_booking: +2',
        'tier gold: +2',
        'check-in in 29 h: +2',
        '6 points → priority 3',
      ],
    });
  });

  it('gives priority 1 to an emergency and to an arrival problem during the stay', () => {
    // Prepare
    const inStay = bookingOf({ checkIn: '2026-07-06', checkOut: '2026-07-10' });
    // Act
    const emergency = route(
      defaultPolicy,
      contactOf('de', 'emergency'),
      undefined,
      undefined,
      WEDNESDAY_MORNING,
    );
    const arrival = route(
      defaultPolicy,
      contactOf('fr', 'arrival_problem'),
      inStay,
      undefined,
      WEDNESDAY_MORNING,
    );
    const flagged = route(
      defaultPolicy,
      contactOf('fr', 'arrival_problem', true),
      undefined,
      undefined,
      WEDNESDAY_MORNING,
    );
    // Assess
    expect(emergency.priority).toBe(1);
    expect(emergency.reasons).toEqual(['language de → de-team', 'topic emergency (critical): priority 1']);
    expect(emergency.expectedResponseMinutes).toBe(2);
    expect(arrival.reasons[1]).toBe('topic arrival_problem (urgent: in stay): priority 1');
    expect(flagged.reasons[1]).toBe('topic arrival_problem (urgent): priority 1');
  });

  it('sends a contact to the 24/7 fallback when its team is closed, and says why', () => {
    // Prepare: Sunday 23:10 in Paris
    const sundayNight = new Date('2026-03-29T21:10:00Z');
    // Act
    const decision = route(defaultPolicy, contactOf('fr', 'refund'), undefined, undefined, sundayNight);
    // Assess
    expect(decision).toMatchObject({ queue: 'global-247', language: 'en', fallbackUsed: true });
    expect(decision.reasons.at(-1)).toBe('fr-team closed (Sun 23:10 Europe/Paris) → global-247 (en)');
  });

  it('sends a contact to the fallback when its team has no agent staffed', () => {
    // Act
    const decision = route(
      defaultPolicy,
      contactOf('fr', 'refund'),
      undefined,
      undefined,
      WEDNESDAY_MORNING,
      { 'fr-team': 0, 'de-team': 3 },
    );
    // Assess
    expect(decision.queue).toBe('global-247');
    expect(decision.reasons.at(-1)).toBe('fr-team has no agent staffed → global-247 (en)');
  });

  it('routes a language nobody serves to the default language’s team', () => {
    // Act
    const decision = route(
      defaultPolicy,
      contactOf('ja', 'general'),
      undefined,
      undefined,
      WEDNESDAY_MORNING,
    );
    // Assess
    expect(decision.queue).toBe('en-team');
    expect(decision.reasons[0]).toBe('language ja not served → en → en-team');
  });

  it('counts no travel window for a cancelled booking', () => {
    // Prepare
    const cancelled = bookingOf({ status: 'cancelled', checkIn: '2026-07-08', checkOut: '2026-07-10' });
    // Act
    const decision = route(defaultPolicy, contactOf('fr', 'refund'), cancelled, undefined, WEDNESDAY_MORNING);
    // Assess
    expect(decision.reasons).toEqual([
      'language fr → fr-team',
      'topic refund: +1',
      'tier standard: +0',
      '1 point → priority 5',
    ]);
  });

  it('takes the booking’s tier, then the customer’s, and an assumed tier only when higher', () => {
    // Act
    const fromCustomer = route(
      defaultPolicy,
      contactOf('fr', 'general'),
      undefined,
      customer,
      WEDNESDAY_MORNING,
    );
    const assumedHigher = route(
      defaultPolicy,
      contactOf('fr', 'general'),
      undefined,
      customer,
      WEDNESDAY_MORNING,
      {},
      {
        assumedTier: 'platinum',
      },
    );
    const assumedLower = route(
      defaultPolicy,
      contactOf('fr', 'general'),
      bookingOf({ tier: 'gold', status: 'completed' }),
      customer,
      WEDNESDAY_MORNING,
      undefined,
      { assumedTier: 'silver' },
    );
    // Assess
    expect(fromCustomer.reasons).toContain('tier silver: +1');
    expect(assumedHigher.reasons).toContain('tier platinum (assumed): +3');
    expect(assumedLower.reasons).toContain('tier gold: +2');
  });

  it('adds the urgent bonus when the check-in is close, and reads dates in the property’s zone', () => {
    // Prepare: check-in 2026-07-08 15:00 in Jakarta (UTC+7) = 08:00 UTC, i.e. now
    const booking = bookingOf({
      checkIn: '2026-07-08',
      checkOut: '2026-07-09',
      propertyTimeZone: 'Asia/Jakarta',
    });
    // Act
    const decision = route(
      defaultPolicy,
      contactOf('fr', 'general'),
      booking,
      undefined,
      new Date('2026-07-08T07:00:00Z'),
    );
    // Assess
    expect(decision.reasons.slice(1)).toEqual([
      'topic general: +0',
      'tier standard: +0',
      'check-in in 1 h: +3',
      'urgent (check-in in 1 h): +2',
      '5 points → priority 3',
    ]);
  });

  it('assumes UTC for a booking whose property zone is unknown, and says so', () => {
    // Prepare
    const booking = bookingOf({ propertyTimeZone: 'Mars/Olympus' });
    // Act
    const decision = route(defaultPolicy, contactOf('fr', 'general'), booking, undefined, WEDNESDAY_MORNING);
    // Assess
    expect(decision.reasons).toContain('property time zone "Mars/Olympus" unknown: UTC assumed');
  });
});
