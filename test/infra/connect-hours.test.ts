import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRoutingPolicy } from '../../functions/domain/routing/load-policy';
import type { QueuePolicy } from '../../functions/domain/routing/policy-schema';
import { holidayOverrides, weeklyHours } from '../../infra/constructs/connect-hours';

const policy = loadRoutingPolicy(JSON.parse(readFileSync('policy/routing-policy.json', 'utf8')));
const queue = (id: string): QueuePolicy => {
  const q = policy.queues[id];
  if (!q) throw new Error(`no queue ${id}`);
  return q;
};

describe('weeklyHours', () => {
  it('gives Connect one range per open day, leaving closed days out', () => {
    const de = weeklyHours(queue('de-team'));
    expect(de.map((c) => c.day)).toEqual([
      'MONDAY',
      'TUESDAY',
      'WEDNESDAY',
      'THURSDAY',
      'FRIDAY',
      'SATURDAY',
    ]);
    expect(de[5]).toEqual({
      day: 'SATURDAY',
      startTime: { hours: 9, minutes: 0 },
      endTime: { hours: 18, minutes: 0 },
    });
  });

  it('keeps past-midnight closings and turns 24:00 into midnight', () => {
    const es = weeklyHours(queue('es-team')).find((c) => c.day === 'FRIDAY');
    expect(es).toMatchObject({ startTime: { hours: 9, minutes: 0 }, endTime: { hours: 1, minutes: 0 } });
    const zh = weeklyHours(queue('zh-team')).find((c) => c.day === 'SUNDAY');
    expect(zh).toMatchObject({ startTime: { hours: 8, minutes: 0 }, endTime: { hours: 0, minutes: 0 } });
  });

  it('opens the fallback queue all day, every day', () => {
    const all = weeklyHours(queue('global-247'));
    expect(all).toHaveLength(7);
    for (const c of all)
      expect(c).toMatchObject({ startTime: { hours: 0, minutes: 0 }, endTime: { hours: 0, minutes: 0 } });
  });
});

describe('holidayOverrides', () => {
  it('closes holidays all day and shortens special days, from the given date on', () => {
    // Act
    const fr = holidayOverrides(queue('fr-team'), '2026-11-23');

    // Assess
    expect(fr.map((o) => o.effectiveFrom)).toEqual([
      '2026-12-24',
      '2026-12-25',
      '2026-12-31',
      '2027-01-01',
      '2027-05-01',
      '2027-07-14',
      '2027-12-24',
      '2027-12-25',
      '2027-12-31',
    ]);
    expect(fr.find((o) => o.effectiveFrom === '2026-12-25')).toEqual({
      overrideName: '2026-12-25 Noël',
      overrideDescription: 'Closed all day: Noël',
      overrideType: 'CLOSED',
      effectiveFrom: '2026-12-25',
      effectiveTill: '2026-12-25',
      overrideConfig: [
        { day: 'FRIDAY', startTime: { hours: 0, minutes: 0 }, endTime: { hours: 23, minutes: 59 } },
      ],
    });
    expect(fr.find((o) => o.effectiveFrom === '2026-12-24')).toMatchObject({
      overrideType: 'STANDARD',
      overrideConfig: [
        { day: 'THURSDAY', startTime: { hours: 8, minutes: 0 }, endTime: { hours: 18, minutes: 0 } },
      ],
    });
  });

  it('has no overrides for an always-open queue', () => {
    expect(holidayOverrides(queue('global-247'), '2026-01-01')).toEqual([]);
  });
});
