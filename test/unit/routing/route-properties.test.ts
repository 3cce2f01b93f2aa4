import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOOKING_STATUSES, type Booking, LOYALTY_TIERS } from '../../../functions/domain/booking';
import { TOPICS } from '../../../functions/domain/classification';
import type { Channel } from '../../../functions/domain/contact';
import { LANGUAGES } from '../../../functions/domain/languages';
import type { Staffing } from '../../../functions/domain/routing/decision';
import { isQueueOpen } from '../../../functions/domain/routing/hours';
import { route } from '../../../functions/domain/routing/route';
import { bookingOf, contactOf, defaultPolicy } from './routing-fixtures';

const policy = defaultPolicy;
const DAY = 86_400_000;
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2027, 11, 31);
const ZONES = ['Europe/Paris', 'Asia/Jakarta', 'America/Sao_Paulo', 'America/New_York', 'Pacific/Auckland'];
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// Instants anywhere in 2026–2027, with extra weight on the teams' holidays and special dates.
const overrideDates = Object.entries(policy.queues).flatMap(([id, q]) => [
  ...Object.keys(policy.calendar.teams[id]?.days ?? {}),
  ...Object.keys(q.holidays.closures),
  ...Object.keys(q.specialHours),
]);
const instant = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc
    .tuple(fc.constantFrom(...overrideDates), fc.integer({ min: -12 * 60, max: 36 * 60 - 1 }))
    .map(([date, minute]) => Date.parse(`${date}T00:00:00Z`) + minute * 60_000),
);
const staffing = fc.option(
  fc.dictionary(fc.constantFrom(...Object.keys(policy.queues)), fc.integer({ min: 0, max: 3 })),
  { nil: undefined },
);
const anyTopic = fc.constantFrom(...TOPICS);
const anyTier = fc.constantFrom(...LOYALTY_TIERS);
const anyLanguage = fc.constantFrom<string>(...LANGUAGES, 'ja', 'xx');
const booking = (nowMs: number) =>
  fc
    .record({
      status: fc.constantFrom(...BOOKING_STATUSES),
      startDays: fc.integer({ min: -20, max: 30 }),
      nights: fc.integer({ min: 1, max: 14 }),
      propertyTimeZone: fc.constantFrom(...ZONES),
      tier: anyTier,
    })
    .map(
      ({ startDays, nights, ...rest }): Booking =>
        bookingOf({
          ...rest,
          checkIn: isoDay(nowMs + startDays * DAY),
          checkOut: isoDay(nowMs + (startDays + nights) * DAY),
        }),
    );
const maybeBooking = (nowMs: number) => fc.option(booking(nowMs), { nil: undefined });

describe('route properties', () => {
  it('gives priority 1 to every emergency and urgent arrival problem, and at least 2 to everything else', () => {
    fc.assert(
      fc.property(
        anyLanguage,
        anyTopic,
        fc.boolean(),
        instant,
        staffing,
        (language, topic, urgent, nowMs, staffed) => {
          // Prepare: no booking, so only the classifier can make an arrival problem urgent
          const critical = topic === 'emergency' || (topic === 'arrival_problem' && urgent);
          // Act
          const decision = route(
            policy,
            contactOf(language, topic, urgent),
            undefined,
            undefined,
            new Date(nowMs),
            staffed,
          );
          // Assess
          if (critical) expect(decision.priority).toBe(1);
          else expect(decision.priority).toBeGreaterThanOrEqual(2);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never gives a higher tier a worse priority, all else equal', () => {
    fc.assert(
      fc.property(
        anyLanguage,
        anyTopic,
        fc.boolean(),
        anyTier,
        anyTier,
        fc.integer({ min: FROM, max: TO }),
        (language, topic, urgent, a, b, nowMs) => {
          // Prepare
          const [low, high] = LOYALTY_TIERS.indexOf(a) <= LOYALTY_TIERS.indexOf(b) ? [a, b] : [b, a];
          const now = new Date(nowMs);
          const base = bookingOf({ checkIn: isoDay(nowMs + 3 * DAY), checkOut: isoDay(nowMs + 5 * DAY) });
          // Act
          const lowDecision = route(
            policy,
            contactOf(language, topic, urgent),
            { ...base, tier: low },
            undefined,
            now,
          );
          const highDecision = route(
            policy,
            contactOf(language, topic, urgent),
            { ...base, tier: high },
            undefined,
            now,
          );
          // Assess
          expect(highDecision.priority).toBeLessThanOrEqual(lowDecision.priority);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never gives a nearer check-in a worse priority than a later one', () => {
    const future = fc.tuple(
      fc.integer({ min: 0, max: 30 * 24 * 60 }),
      fc.integer({ min: 0, max: 30 * 24 * 60 }),
    );
    fc.assert(
      fc.property(
        anyTopic,
        fc.boolean(),
        anyTier,
        fc.constantFrom(...ZONES),
        fc.integer({ min: FROM, max: TO }),
        future,
        (topic, urgent, tier, zone, nowMs, [m1, m2]) => {
          // Prepare: two check-in dates at least two days out, so both check-in moments lie ahead in any zone
          const [near, far] = m1 <= m2 ? [m1, m2] : [m2, m1];
          const stay = (minutes: number) => {
            const start = nowMs + 2 * DAY + minutes * 60_000;
            return bookingOf({
              tier,
              propertyTimeZone: zone,
              checkIn: isoDay(start),
              checkOut: isoDay(start + 3 * DAY),
            });
          };
          const now = new Date(nowMs);
          // Act
          const nearDecision = route(policy, contactOf('fr', topic, urgent), stay(near), undefined, now);
          const farDecision = route(policy, contactOf('fr', topic, urgent), stay(far), undefined, now);
          // Assess
          expect(nearDecision.priority).toBeLessThanOrEqual(farDecision.priority);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never hands a contact to a closed or unstaffed team, and the fallback is always open', () => {
    fc.assert(
      fc.property(anyLanguage, anyTopic, instant, staffing, (language, topic, nowMs, staffed) => {
        // Prepare
        const now = new Date(nowMs);
        // Act
        const decision = route(policy, contactOf(language, topic), undefined, undefined, now, staffed);
        // Assess: a contact held for its team (below) is the one way into a queue that is closed now
        // (and a closed team reports nobody staffed until it opens)
        const held = decision.teamAway?.holdMinutes !== undefined;
        if (!held) expect(isQueueOpen(policy, decision.queue, now).open).toBe(true);
        if (decision.queue !== policy.fallbackQueue && !held)
          expect((staffed as Staffing | undefined)?.[decision.queue]).not.toBe(0);
        expect(decision.fallbackUsed).toBe(decision.queue === policy.fallbackQueue);
        expect(isQueueOpen(policy, policy.fallbackQueue, now).open).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('holds only non-urgent written contacts, for a closed team that opens within its window', () => {
    const channel = fc.constantFrom('email', 'sms', 'whatsapp', 'voice') as fc.Arbitrary<Channel>;
    fc.assert(
      fc.property(
        anyLanguage,
        anyTopic,
        fc.boolean(),
        channel,
        instant,
        (language, topic, urgent, via, nowMs) => {
          // Prepare
          const now = new Date(nowMs);
          const contact = { ...contactOf(language, topic, urgent), channel: via };
          // Act
          const decision = route(policy, contact, undefined, undefined, now);
          // Assess
          const held = decision.teamAway?.holdMinutes;
          if (held === undefined) return;
          const window = (policy.queues[decision.queue]?.holdWhenOpensWithinHours ?? 0) * 60;
          expect(via).not.toBe('voice');
          expect(urgent || decision.priority === 1).toBe(false);
          expect(held).toBeGreaterThan(0);
          expect(held).toBeLessThanOrEqual(window);
          expect(isQueueOpen(policy, decision.queue, now).open).toBe(false);
          expect(isQueueOpen(policy, decision.queue, new Date(nowMs + held * 60_000)).open).toBe(true);
          expect(isQueueOpen(policy, decision.queue, new Date(nowMs + (held - 1) * 60_000)).open).toBe(false);
          expect(decision.reasons.join('\n')).toContain(`held for ${decision.queue}`);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('decides the same way every time for the same inputs', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: FROM, max: TO })
          .chain((nowMs) =>
            fc.tuple(
              fc.constant(nowMs),
              anyLanguage,
              anyTopic,
              fc.boolean(),
              maybeBooking(nowMs),
              staffing,
              fc.option(anyTier, { nil: undefined }),
            ),
          ),
        ([nowMs, language, topic, urgent, stay, staffed, assumedTier]) => {
          // Act: the second time on copies, so nothing may depend on object identity
          const first = route(
            policy,
            contactOf(language, topic, urgent),
            stay,
            undefined,
            new Date(nowMs),
            staffed,
            { assumedTier },
          );
          const again = route(
            policy,
            contactOf(language, topic, urgent),
            structuredClone(stay),
            undefined,
            new Date(nowMs),
            structuredClone(staffed),
            { assumedTier },
          );
          // Assess
          expect(again).toEqual(first);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
