import { describe, expect, it } from 'vitest';
import { isQueueOpen } from '../../../functions/domain/routing/hours';
import { defaultPolicy, policyWithTeam } from './routing-fixtures';

const at = (iso: string) => new Date(iso);

describe('queue hours', () => {
  it('follows the weekly schedule in the team’s own time zone', () => {
    // Prepare: fr-team opens 08:00–22:00 Paris time Mon–Sat, 10:00–18:00 on Sunday
    const policy = defaultPolicy;
    // Act
    const mondayMorning = isQueueOpen(policy, 'fr-team', at('2026-06-08T06:00:00Z'));
    const beforeOpening = isQueueOpen(policy, 'fr-team', at('2026-06-08T05:59:00Z'));
    const sundayNight = isQueueOpen(policy, 'fr-team', at('2026-03-29T21:10:00Z'));
    // Assess
    expect(mondayMorning).toEqual({
      open: true,
      reason: 'fr-team open (Mon 08:00 Europe/Paris)',
      localTime: '2026-06-08T08:00',
    });
    expect(beforeOpening.open).toBe(false);
    expect(sundayNight).toEqual({
      open: false,
      reason: 'fr-team closed (Sun 23:10 Europe/Paris)',
      localTime: '2026-03-29T23:10',
    });
  });

  it('keeps a range that runs past midnight open into the next day, and 24:00 open to the last minute', () => {
    // Prepare: Friday 20:00–02:00, Saturday 10:00–24:00
    const policy = policyWithTeam(
      { hours: { fri: [{ open: '20:00', close: '02:00' }], sat: [{ open: '10:00', close: '24:00' }] } },
      'UTC',
    );
    // Act
    const open = (iso: string) => isQueueOpen(policy, 'fr-team', at(iso)).open;
    // Assess: 2026-06-12 is a Friday
    expect(open('2026-06-12T19:59:00Z')).toBe(false);
    expect(open('2026-06-12T23:30:00Z')).toBe(true);
    expect(open('2026-06-13T01:59:00Z')).toBe(true);
    expect(open('2026-06-13T02:00:00Z')).toBe(false);
    expect(open('2026-06-13T23:59:00Z')).toBe(true);
    expect(open('2026-06-14T00:00:00Z')).toBe(false);
  });

  it('wraps a Sunday-night range into Monday morning', () => {
    // Prepare
    const policy = policyWithTeam({ hours: { sun: [{ open: '22:00', close: '01:00' }] } }, 'UTC');
    // Act
    const mondayEarly = isQueueOpen(policy, 'fr-team', at('2026-06-15T00:30:00Z'));
    // Assess
    expect(mondayEarly.open).toBe(true);
  });

  it('closes all day on a holiday and names it', () => {
    // Act: Christmas 2026 is a Friday, a normal opening day
    const christmas = isQueueOpen(defaultPolicy, 'fr-team', at('2026-12-25T10:00:00Z'));
    // Assess
    expect(christmas.open).toBe(false);
    expect(christmas.reason).toBe('fr-team closed (holiday: Noël, Fri 11:00 Europe/Paris)');
  });

  it('replaces the weekly schedule on a date with special hours', () => {
    // Act: Réveillon 2026 (Thursday) closes at 18:00 instead of 22:00
    const afternoon = isQueueOpen(defaultPolicy, 'fr-team', at('2026-12-24T16:59:00Z'));
    const evening = isQueueOpen(defaultPolicy, 'fr-team', at('2026-12-24T17:00:00Z'));
    // Assess
    expect(afternoon.open).toBe(true);
    expect(evening.open).toBe(false);
    expect(evening.reason).toBe('fr-team closed (special hours: Réveillon de Noël, Thu 18:00 Europe/Paris)');
  });

  it('lets a holiday close the past-midnight tail of the evening before', () => {
    // Prepare: Thursday 20:00–02:00; the Friday is a holiday
    const policy = policyWithTeam(
      {
        hours: { thu: [{ open: '20:00', close: '02:00' }] },
        holidays: { closures: { '2026-06-12': 'Test day' } },
      },
      'UTC',
    );
    // Act
    const tail = isQueueOpen(policy, 'fr-team', at('2026-06-12T01:00:00Z'));
    // Assess
    expect(tail.open).toBe(false);
    expect(tail.reason).toContain('holiday: Test day');
  });

  it('opens on local time across the spring DST switch in Paris', () => {
    // Prepare: Sunday 03:00–04:00; on 2026-03-29 Paris jumps from 02:00 to 03:00 at 01:00 UTC
    const policy = policyWithTeam({ hours: { sun: [{ open: '03:00', close: '04:00' }] } }, 'Europe/Paris');
    // Act
    const justBefore = isQueueOpen(policy, 'fr-team', at('2026-03-29T00:59:00Z'));
    const justAfter = isQueueOpen(policy, 'fr-team', at('2026-03-29T01:00:00Z'));
    // Assess
    expect(justBefore.localTime).toBe('2026-03-29T01:59');
    expect(justBefore.open).toBe(false);
    expect(justAfter.localTime).toBe('2026-03-29T03:00');
    expect(justAfter.open).toBe(true);
  });

  it('is open during both passes of the repeated hour when Paris falls back', () => {
    // Prepare: Sunday 02:00–03:00; on 2026-10-25 02:00–03:00 happens twice (00:00–02:00 UTC)
    const policy = policyWithTeam({ hours: { sun: [{ open: '02:00', close: '03:00' }] } }, 'Europe/Paris');
    // Act
    const states = ['00:30', '01:30', '02:00'].map((t) =>
      isQueueOpen(policy, 'fr-team', at(`2026-10-25T${t}:00Z`)),
    );
    // Assess
    expect(states.map((s) => [s.localTime, s.open])).toEqual([
      ['2026-10-25T02:30', true],
      ['2026-10-25T02:30', true],
      ['2026-10-25T03:00', false],
    ]);
  });

  it('follows New York’s clock change rather than a fixed offset', () => {
    // Prepare: weekdays 09:00–17:00 New York; DST starts 2026-03-08, so 09:00 moves from 14:00 to 13:00 UTC
    const hours = { mon: [{ open: '09:00', close: '17:00' }], fri: [{ open: '09:00', close: '17:00' }] };
    const policy = policyWithTeam({ hours }, 'America/New_York');
    // Act
    const fridayBefore = isQueueOpen(policy, 'fr-team', at('2026-03-06T13:30:00Z'));
    const mondayAfter = isQueueOpen(policy, 'fr-team', at('2026-03-09T13:30:00Z'));
    // Assess
    expect(fridayBefore).toMatchObject({ open: false, localTime: '2026-03-06T08:30' });
    expect(mondayAfter).toMatchObject({ open: true, localTime: '2026-03-09T09:30' });
  });

  it('keeps the fallback open at any hour, holidays included', () => {
    // Act
    const christmasNight = isQueueOpen(defaultPolicy, 'global-247', at('2026-12-25T03:00:00Z'));
    // Assess
    expect(christmasNight.open).toBe(true);
  });
});
