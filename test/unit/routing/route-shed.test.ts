import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../functions/domain/contact';
import type { Incident } from '../../../functions/domain/incidents/incident';
import { routedForIncident } from '../../../functions/domain/incidents/intake-hook';
import { loadRoutingPolicy } from '../../../functions/domain/routing/load-policy';
import { route } from '../../../functions/domain/routing/route';
import { testHolidays } from '../../support/test-holidays';
import { bookingOf, contactOf, defaultPolicy, defaultPolicyJson } from './routing-fixtures';

// Monday 23 Nov 2026, 10:00 in London: the English team is open (07:00–23:00).
const NOW = new Date('2026-11-23T10:00:00Z');
// The shipped policy sheds past 50 waiting cases, 5 minutes a case.
const BUSY = { 'en-team': 51 };

function enContact(topic: Parameters<typeof contactOf>[1], channel: Channel = 'sms', urgent = false) {
  return { ...contactOf('en', topic, urgent), channel };
}

function routeWith(waiting: Record<string, number> | undefined, topic = 'change_booking' as const) {
  return route(defaultPolicy, enContact(topic), undefined, undefined, NOW, {}, { waiting });
}

describe('load shedding in route()', () => {
  it('sheds a non-urgent contact when its queue has more waiting cases than the threshold', () => {
    // Act
    const decision = routeWith(BUSY);
    // Assess: 51 cases × 5 minutes is later than priority 4's 120-minute target, so that is promised
    const target = defaultPolicy.firstResponseMinutes[4];
    expect(decision.priority).toBe(4);
    expect(decision.queue).toBe('en-team');
    expect(decision.shed).toEqual({ waitingCases: 51, threshold: 50, targetMinutes: target });
    expect(decision.expectedResponseMinutes).toBe(255);
    expect(decision.reasons.at(-1)).toBe(
      'en-team has 51 waiting cases (over 50): shed, answered by message (callback offered at once), expected in 255 min',
    );
  });

  it('sheds nothing at the threshold itself, nor when the counts are unknown', () => {
    // Act
    const atThreshold = routeWith({ 'en-team': 50 });
    const unknown = routeWith(undefined);
    const otherQueue = routeWith({ 'fr-team': 500 });
    // Assess
    for (const decision of [atThreshold, unknown, otherQueue]) {
      expect(decision.shed).toBeUndefined();
      expect(decision).toEqual(routeWith({}));
    }
  });

  it('never promises less than the target: a short queue of slow cases keeps the target', () => {
    // Prepare: 2 minutes a case, so 51 cases are 102 minutes, under priority 5's 480
    const json = defaultPolicyJson() as { loadShedding: { minutesPerCase: number } };
    json.loadShedding.minutesPerCase = 2;
    const quick = loadRoutingPolicy(json, testHolidays);
    // Act
    const decision = route(quick, enContact('general'), undefined, undefined, NOW, {}, { waiting: BUSY });
    // Assess
    expect(decision.shed).toBeDefined();
    expect(decision.expectedResponseMinutes).toBe(
      quick.firstResponseMinutes[String(decision.priority) as '5'],
    );
  });

  it('never sheds an emergency, urgent words or a verified guest in their stay, and says why', () => {
    // Prepare
    const inStay = bookingOf({
      checkIn: '2026-11-22',
      checkOut: '2026-11-25',
      propertyTimeZone: 'Europe/London',
    });
    // Act
    const emergency = route(
      defaultPolicy,
      enContact('emergency'),
      undefined,
      undefined,
      NOW,
      {},
      { waiting: BUSY },
    );
    const urgent = route(
      defaultPolicy,
      enContact('change_booking', 'sms', true),
      undefined,
      undefined,
      NOW,
      {},
      {
        waiting: BUSY,
      },
    );
    const staying = route(defaultPolicy, enContact('general'), inStay, undefined, NOW, {}, { waiting: BUSY });
    // Assess
    for (const decision of [emergency, urgent, staying]) {
      expect(decision.shed).toBeUndefined();
      expect(decision.reasons.at(-1)).toBe('en-team has 51 waiting cases (over 50): urgent, never shed');
    }
    expect(emergency.priority).toBe(1);
    expect(emergency.expectedResponseMinutes).toBe(defaultPolicy.firstResponseMinutes[1]);
  });

  it('sheds calls too (they are offered the callback), and follows a per-queue threshold', () => {
    // Act: the 24/7 queue sheds past 100 (its own threshold), not past the default 50
    const call = route(
      defaultPolicy,
      enContact('general', 'voice'),
      undefined,
      undefined,
      NOW,
      {},
      {
        waiting: BUSY,
      },
    );
    const team = defaultPolicy.languages.en;
    const fallbackAt80 = route(
      defaultPolicy,
      contactOf('en', 'general'),
      undefined,
      undefined,
      NOW,
      { [team]: 0 },
      {
        waiting: { 'global-247': 80 },
      },
    );
    // Assess
    expect(call.shed?.waitingCases).toBe(51);
    expect(fallbackAt80.queue).toBe('global-247');
    expect(fallbackAt80.shed).toBeUndefined();
  });

  it('lifts the shedding when a critical incident makes the contact priority 1', () => {
    // Prepare
    const shed = routeWith(BUSY);
    const incident = { id: 'INC-1', title: 'Flood', priority: 1 } as Incident;
    // Act
    const decision = routedForIncident(shed, incident);
    const milder = routedForIncident(shed, { ...incident, priority: 3 });
    // Assess
    expect(decision.shed).toBeUndefined();
    expect(decision.priority).toBe(1);
    expect(decision.expectedResponseMinutes).toBe(shed.shed?.targetMinutes);
    expect(decision.reasons).toContain('incident INC-1 is critical: not shed');
    expect(milder.shed).toEqual(shed.shed);
  });
});
