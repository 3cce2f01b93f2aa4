import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../functions/domain/contact';
import { route } from '../../../functions/domain/routing/route';
import { bookingOf, contactOf, policyWithTeam } from './routing-fixtures';

// A team open 08:00–20:00 every day in Paris that holds written non-urgent contacts for 2 hours.
const WEEK = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ open: '08:00', close: '20:00' }]]),
);
const holding = policyWithTeam({ hours: WEEK, holdWhenOpensWithinHours: 2 });
const notHolding = policyWithTeam({ hours: WEEK });
// Wednesday 2026-07-08 in Paris (UTC+2).
const AT_0710 = new Date('2026-07-08T05:10:00Z');
const AT_0430 = new Date('2026-07-08T02:30:00Z');

function frContact(topic: Parameters<typeof contactOf>[1], channel: Channel = 'email', urgent = false) {
  return { ...contactOf('fr', topic, urgent), channel };
}

describe('holding a contact for its language team', () => {
  it('holds a non-urgent email for a team opening in 50 minutes, and says so in the reasons', () => {
    // Act
    const decision = route(holding, frContact('change_booking'), undefined, undefined, AT_0710);
    // Assess
    expect(decision.queue).toBe('fr-team');
    expect(decision.fallbackUsed).toBe(false);
    expect(decision.teamAway).toEqual({
      queue: 'fr-team',
      language: 'fr',
      reason: 'closed',
      holdMinutes: 50,
    });
    const target = holding.firstResponseMinutes[String(decision.priority) as '1'];
    expect(decision.expectedResponseMinutes).toBe(50 + target);
    expect(decision.reasons.at(-1)).toMatch(
      /fr-team closed \(Wed 07:10 Europe\/Paris\), opens in 50 min: held for fr-team/,
    );
  });

  it('lets urgent contacts, critical ones and calls go to the fallback, saying why', () => {
    // Act
    const urgent = route(holding, frContact('change_booking', 'sms', true), undefined, undefined, AT_0710);
    const emergency = route(holding, frContact('emergency'), undefined, undefined, AT_0710);
    const call = route(holding, frContact('change_booking', 'voice'), undefined, undefined, AT_0710);
    // Assess
    for (const [decision, why] of [
      [urgent, 'urgent'],
      [emergency, 'urgent'],
      [call, 'a call'],
    ] as const) {
      expect(decision.queue).toBe('global-247');
      expect(decision.teamAway).toEqual({ queue: 'fr-team', language: 'fr', reason: 'closed' });
      expect(decision.reasons.join('\n')).toContain(`opens in 50 min, ${why} → global-247`);
    }
  });

  it('lets a contact whose stay makes it urgent go to the fallback', () => {
    // Prepare: check-in today 15:00 Paris, within the policy's urgent window
    const booking = bookingOf({ checkIn: '2026-07-08', checkOut: '2026-07-10' });
    // Act
    const decision = route(holding, frContact('change_booking'), booking, undefined, AT_0710);
    // Assess
    expect(decision.queue).toBe('global-247');
  });

  it('falls back when the team opens later than the window', () => {
    const decision = route(holding, frContact('change_booking'), undefined, undefined, AT_0430);
    expect(decision.queue).toBe('global-247');
    expect(decision.teamAway?.holdMinutes).toBeUndefined();
  });

  it('falls back as before when the queue has no hold window', () => {
    const decision = route(notHolding, frContact('change_booking'), undefined, undefined, AT_0710);
    expect(decision.queue).toBe('global-247');
    expect(decision.reasons.join('\n')).not.toContain('opens in');
  });

  it('counts real minutes across a daylight-saving switch, not wall-clock ones', () => {
    // Prepare: Sunday 2026-03-29, Paris springs from 02:00 to 03:00; 01:30 local is 00:30 UTC
    const night = policyWithTeam({ hours: WEEK, holdWhenOpensWithinHours: 8 });
    // Act
    const decision = route(
      night,
      frContact('change_booking'),
      undefined,
      undefined,
      new Date('2026-03-29T00:30:00Z'),
    );
    // Assess: 08:00 local is 06:00 UTC, 5 h 30 later (the wall clock shows 6 h 30)
    expect(decision.teamAway?.holdMinutes).toBe(330);
  });

  it('does not hold for a team whose holiday fills the window', () => {
    // Prepare: the team is closed all of Thursday 2026-07-09
    const holiday = policyWithTeam({
      hours: WEEK,
      holdWhenOpensWithinHours: 2,
      holidays: { closures: { '2026-07-09': 'Test day' } },
    });
    // Act: Thursday 08:00 Paris, open on any other Thursday; Friday opens 24 h later
    const decision = route(
      holiday,
      frContact('change_booking'),
      undefined,
      undefined,
      new Date('2026-07-09T06:00:00Z'),
    );
    // Assess
    expect(decision.queue).toBe('global-247');
  });
});
