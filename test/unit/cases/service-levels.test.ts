import { describe, expect, it } from 'vitest';
import { breachesAt, serviceLevelDue } from '../../../functions/domain/cases/service-levels';
import { loadRoutingPolicy } from '../../../functions/domain/routing/load-policy';
import { testHolidays } from '../../support/test-holidays';
import { defaultPolicyJson } from '../routing/routing-fixtures';
import { policy } from './case-fixtures';

describe('serviceLevelDue', () => {
  it('counts a priority-3 target in the team’s opening hours across the night', () => {
    // Prepare: Sunday 17:50 in Paris (UTC+1), ten minutes before fr-team closes until Monday 08:00.
    const openedAt = new Date('2026-03-08T16:50:00Z');
    // Act
    const due = serviceLevelDue(policy, 'fr-team', 3, openedAt);
    // Assess: 30 minutes = 10 on Sunday + 20 on Monday; 1440 = 10 + 840 (Mon) + 590 (Tue).
    expect(due).toEqual({
      firstResponseDueAt: '2026-03-09T07:20:00.000Z',
      resolutionDueAt: '2026-03-10T16:50:00.000Z',
    });
  });

  it('skips a holiday and keeps to special hours', () => {
    // Christmas Eve 17:50 in Paris: special hours until 18:00, Noël closed, Saturday opens at 08:00.
    const due = serviceLevelDue(policy, 'fr-team', 3, new Date('2026-12-24T16:50:00Z'));
    expect(due.firstResponseDueAt).toBe('2026-12-26T07:20:00.000Z');
  });

  it('counts priority 1 around the clock, even when the team is closed', () => {
    const openedAt = new Date('2026-03-08T22:00:00Z');
    const due = serviceLevelDue(policy, 'fr-team', 1, openedAt);
    expect(due).toEqual({
      firstResponseDueAt: '2026-03-08T22:02:00.000Z',
      resolutionDueAt: '2026-03-09T02:00:00.000Z',
    });
  });

  it('takes first-response minutes from the queue’s own firstResponseMinutes', () => {
    const due = serviceLevelDue(policy, 'global-247', 3, new Date('2026-03-08T22:00:00Z'));
    expect(due.firstResponseDueAt).toBe('2026-03-08T22:45:00.000Z');
  });

  it('uses a queue’s service-level override for that priority only', () => {
    // Prepare
    const json = defaultPolicyJson();
    const around = {
      firstResponse: { clock: 'around_the_clock' },
      resolution: { minutes: 60, clock: 'around_the_clock' },
    };
    json.serviceLevels = { ...(json.serviceLevels as object), queues: { 'fr-team': { 3: around } } };
    const tweaked = loadRoutingPolicy(json, testHolidays);
    const openedAt = new Date('2026-03-08T22:00:00Z');
    // Act
    const three = serviceLevelDue(tweaked, 'fr-team', 3, openedAt);
    const four = serviceLevelDue(tweaked, 'fr-team', 4, openedAt);
    // Assess
    expect(three).toEqual({
      firstResponseDueAt: '2026-03-08T22:30:00.000Z',
      resolutionDueAt: '2026-03-08T23:00:00.000Z',
    });
    expect(four.firstResponseDueAt).toBe('2026-03-09T09:00:00.000Z');
  });

  it('fills the rest of a short override with opening-hours clocks (the docs/cases.md example)', () => {
    const json = defaultPolicyJson();
    json.serviceLevels = {
      ...(json.serviceLevels as object),
      queues: { 'fr-team': { 3: { resolution: { minutes: 720 } } } },
    };
    const due = serviceLevelDue(
      loadRoutingPolicy(json, testHolidays),
      'fr-team',
      3,
      new Date('2026-03-08T16:50:00Z'),
    );
    // 720 = 10 on Sunday + 710 on Monday from 08:00 (Paris) → Monday 19:50 Paris.
    expect(due).toEqual({
      firstResponseDueAt: '2026-03-09T07:20:00.000Z',
      resolutionDueAt: '2026-03-09T18:50:00.000Z',
    });
  });

  it('names an unknown queue and an unreadable time', () => {
    expect(() => serviceLevelDue(policy, 'xx-team', 3, new Date())).toThrow('unknown queue xx-team');
    expect(() => serviceLevelDue(policy, 'fr-team', 3, new Date('soon'))).toThrow(
      'openedAt is not a valid time',
    );
  });
});

describe('breachesAt', () => {
  const due = { firstResponseDueAt: '2026-03-09T07:20:00.000Z', resolutionDueAt: '2026-03-10T16:50:00.000Z' };

  it('flags a target whose time has passed without the event', () => {
    expect(breachesAt(due, new Date('2026-03-09T07:21:00Z'))).toEqual({
      firstResponse: true,
      resolution: false,
    });
    expect(breachesAt(due, new Date('2026-03-09T07:20:00Z'))).toEqual({
      firstResponse: false,
      resolution: false,
    });
  });

  it('judges a target met or missed by when the event happened, not by now', () => {
    const answered = {
      ...due,
      firstResponseAt: '2026-03-09T07:00:00.000Z',
      resolvedAt: '2026-03-11T09:00:00.000Z',
    };
    expect(breachesAt(answered, new Date('2026-04-01T00:00:00Z'))).toEqual({
      firstResponse: false,
      resolution: true,
    });
  });

  it('keeps a breach once flagged', () => {
    const flagged = { ...due, breaches: { firstResponse: true, resolution: false } };
    expect(breachesAt(flagged, new Date('2026-03-09T00:00:00Z')).firstResponse).toBe(true);
  });
});

describe('policy blocks', () => {
  it('fills cases, serviceLevels and escalation with defaults when a policy leaves them out', () => {
    const json = defaultPolicyJson();
    delete json.cases;
    delete json.serviceLevels;
    delete json.escalation;
    const loaded = loadRoutingPolicy(json, testHolidays);
    expect(loaded.cases).toEqual({
      reopenWithinDays: 7,
      closeAfterDays: 14,
      retentionDays: 365,
      surveyCooldownDays: 30,
    });
    expect(loaded.escalation.everyMinutes).toBe(30);
    expect(loaded.serviceLevels.priorities[1].resolution).toEqual({
      minutes: 240,
      clock: 'around_the_clock',
    });
  });

  it.each([
    [{ cases: { reopenWithinDays: 30, closeAfterDays: 14 } }, 'cases.reopenWithinDays'],
    [{ escalation: { everyMinutes: 0 } }, 'escalation.everyMinutes'],
    [{ serviceLevels: { priorities: {}, queues: {} } }, 'serviceLevels.priorities.1'],
  ])('rejects %j at %s', (patch, path) => {
    expect(() => loadRoutingPolicy({ ...defaultPolicyJson(), ...patch }, testHolidays)).toThrow(path);
  });

  it('rejects a service-level override for a queue the policy does not have', () => {
    const json = defaultPolicyJson();
    json.serviceLevels = { ...(json.serviceLevels as object), queues: { 'xx-team': {} } };
    expect(() => loadRoutingPolicy(json, testHolidays)).toThrow(
      'serviceLevels.queues.xx-team: unknown queue "xx-team"',
    );
  });
});
