import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/domain/errors';
import type { BookingChange } from '../../../functions/domain/notify/booking-changes';
import { composeNotice } from '../../../functions/domain/notify/compose-notice';
import { DEFAULT_NOTIFICATIONS } from '../../../functions/domain/notify/notify-policy';
import { noticeSendAt } from '../../../functions/domain/notify/quiet-hours';
import { loadRoutingPolicy } from '../../../functions/domain/routing/load-policy';
import { trustedNotificationsPolicy } from '../../../functions/shared/trusted-config';
import { aBooking } from '../../integration/builders';
import { testHolidays } from '../../support/test-holidays';
import { defaultPolicyJson } from '../routing/routing-fixtures';

// biome-ignore lint/suspicious/noExplicitAny: the tests break arbitrary fields of a JSON copy on purpose.
type Json = Record<string, any>;

function load(change: (notifications: Json) => void) {
  const policy = structuredClone(defaultPolicyJson()) as Json;
  change(policy.notifications);
  return loadRoutingPolicy(policy, testHolidays);
}

function errorOf(change: (notifications: Json) => void): ValidationError {
  try {
    load(change);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('the broken policy loaded');
}

describe('policy notifications block', () => {
  it('ships the values booking updates always used: a 21–08 night, a day’s urgency, two weeks for refunds', () => {
    const policy = loadRoutingPolicy(defaultPolicyJson(), testHolidays);
    expect(policy.notifications).toEqual({
      quietHours: { from: 21, until: 8 },
      urgentWithinHours: 24,
      refundArrivalDays: 14,
    });
    expect(policy.notifications).toEqual(DEFAULT_NOTIFICATIONS);
  });

  it('fills the defaults when a policy has no notifications block, or half of one', () => {
    const json = structuredClone(defaultPolicyJson()) as Json;
    delete json.notifications;
    expect(loadRoutingPolicy(json, testHolidays).notifications).toEqual(DEFAULT_NOTIFICATIONS);
    expect(load((n) => delete n.quietHours).notifications.quietHours).toEqual({ from: 21, until: 8 });
  });

  it.each([
    ['an hour past 23', (n: Json) => (n.quietHours.from = 24), 'notifications.quietHours.from', '0 to 23'],
    ['a negative hour', (n: Json) => (n.quietHours.until = -1), 'notifications.quietHours.until', '0 to 23'],
    ['half an hour', (n: Json) => (n.quietHours.until = 7.5), 'notifications.quietHours.until', 'whole hour'],
    [
      'a night that ends when it starts',
      (n: Json) => (n.quietHours = { from: 22, until: 22 }),
      'notifications.quietHours.until',
      'same hour',
    ],
    ['a negative urgency', (n: Json) => (n.urgentWithinHours = -2), 'notifications.urgentWithinHours', '>=0'],
    ['a refund in no time', (n: Json) => (n.refundArrivalDays = 0), 'notifications.refundArrivalDays', '>=1'],
    [
      'hours written as text',
      (n: Json) => (n.urgentWithinHours = '24h'),
      'notifications.urgentWithinHours',
      'number',
    ],
    ['a misspelt field', (n: Json) => (n.quietHour = {}), 'notifications', 'quietHour'],
  ])('reports %s at the path of the bad field', (_kind, change, path, message) => {
    const error = errorOf(change);
    expect(error.path).toBe(path);
    expect(error.message).toContain(message);
  });

  it('reads the bundled block in the Lambdas exactly as the schema does, defaults included', () => {
    const json = defaultPolicyJson();
    expect(trustedNotificationsPolicy(json)).toEqual(loadRoutingPolicy(json, testHolidays).notifications);
    expect(trustedNotificationsPolicy({ notifications: { quietHours: { from: 23 } } })).toEqual({
      ...DEFAULT_NOTIFICATIONS,
      quietHours: { from: 23, until: 8 },
    });
  });
});

describe('booking updates under another policy', () => {
  const far = { checkIn: '2026-08-01', propertyTimeZone: 'Europe/Paris' };
  const PAID: BookingChange = { field: 'refund', from: 'requested', to: 'paid' };

  it('holds a notice only inside the policy’s night, and until its end', () => {
    // Prepare: a night from 23:00 to 06:00; 22:30 in Paris in March is 21:30 UTC
    const policy = { quietHours: { from: 23, until: 6 }, urgentWithinHours: 24 };
    const evening = new Date('2026-03-02T21:30:00Z');
    const night = new Date('2026-03-02T22:30:00Z');
    // Act / Assess: sent at 22:30 (the default would hold it), held at 23:30 until 06:00 Paris
    expect(noticeSendAt(far, evening, policy)).toEqual(evening);
    expect(noticeSendAt(far, evening).toISOString()).toBe('2026-03-03T07:00:00.000Z');
    expect(noticeSendAt(far, night, policy).toISOString()).toBe('2026-03-03T05:00:00.000Z');
  });

  it('holds a notice in a night that does not cross midnight, until the same morning', () => {
    const policy = { quietHours: { from: 1, until: 7 }, urgentWithinHours: 24 };
    // 02:00 in Paris is 01:00 UTC; 00:30 in Paris is not in this night
    expect(noticeSendAt(far, new Date('2026-03-02T01:00:00Z'), policy).toISOString()).toBe(
      '2026-03-02T06:00:00.000Z',
    );
    const halfPastMidnight = new Date('2026-03-01T23:30:00Z');
    expect(noticeSendAt(far, halfPastMidnight, policy)).toEqual(halfPastMidnight);
  });

  it('lets a stay within the policy’s urgent window through at night, and holds one beyond it', () => {
    // 23:30 in Paris on 2 March; the stay starts at midnight on 4 March, 24.5 hours later
    const now = new Date('2026-03-02T22:30:00Z');
    const soon = { checkIn: '2026-03-04', propertyTimeZone: 'Europe/Paris' };
    expect(noticeSendAt(soon, now)).not.toEqual(now);
    expect(noticeSendAt(soon, now, { quietHours: { from: 21, until: 8 }, urgentWithinHours: 48 })).toEqual(
      now,
    );
    expect(noticeSendAt(soon, now, { quietHours: { from: 21, until: 8 }, urgentWithinHours: 0 })).not.toEqual(
      now,
    );
  });

  it('promises the refund by the policy’s number of days', () => {
    const at = new Date('2026-03-02T10:00:00Z');
    expect(composeNotice(aBooking(), [PAID], 'en', at, 5).text).toContain('March 7, 2026');
    expect(composeNotice(aBooking(), [PAID], 'en', at).text).toContain('March 16, 2026');
  });
});
