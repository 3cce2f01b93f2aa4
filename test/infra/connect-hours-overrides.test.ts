// The Connect hours-of-operation overrides as synthesized: a rolling horizon from the synthesis date,
// within Connect's 50 overrides per hours of operation, each closed day closed from midnight to midnight.
import { readFileSync } from 'node:fs';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { rollingHolidaySource } from '../../functions/adapters/holidays/date-holidays-calendar';
import { loadRoutingPolicy } from '../../functions/domain/routing/load-policy';
import { ContactCenter } from '../../infra/constructs/contact-center';

interface Slice {
  Hours: number;
  Minutes: number;
}
interface Override {
  OverrideName: string;
  OverrideType: string;
  EffectiveFrom: string;
  EffectiveTill: string;
  OverrideConfig: { Day: string; StartTime: Slice; EndTime: Slice }[];
}

// What `npm run synth` on 23 November 2026 builds (the stack's overridesFrom is that day too).
const SYNTH_DAY = new Date('2026-11-23T09:00:00Z');

let template: Template;
let policyTeams: string[];

beforeAll(() => {
  const policy = loadRoutingPolicy(
    JSON.parse(readFileSync('policy/routing-policy.json', 'utf8')),
    rollingHolidaySource(SYNTH_DAY),
  );
  const stack = new Stack(new App(), 'Hours');
  new ContactCenter(stack, 'ContactCenter', {
    instanceArn: 'arn:aws:connect:eu-west-1:111122223333:instance/i-1',
    policy,
    environmentName: 'prod',
    overridesFrom: SYNTH_DAY.toISOString().slice(0, 10),
  });
  template = Template.fromStack(stack);
  policyTeams = Object.keys(policy.queues);
});

function overridesOf(name: string): Override[] {
  const hours = template.findResources('AWS::Connect::HoursOfOperation', {
    Properties: { Name: Match.stringLikeRegexp(name) },
  });
  const [only] = Object.values(hours) as { Properties: { HoursOfOperationOverrides?: Override[] } }[];
  return only?.Properties.HoursOfOperationOverrides ?? [];
}

function allOverrides(): Override[] {
  const hours = template.findResources('AWS::Connect::HoursOfOperation');
  return Object.values(hours).flatMap(
    (h) =>
      (h as { Properties: { HoursOfOperationOverrides?: Override[] } }).Properties
        .HoursOfOperationOverrides ?? [],
  );
}

describe('Connect hours-of-operation overrides', () => {
  it('cover the twelve months after synthesis and nothing that already ended', () => {
    // Act
    const fr = overridesOf('^Équipe France');
    // Assess: Armistice 2027 is inside the horizon, Christmas 2027 beyond it
    expect(fr.map((o) => o.OverrideName)).toContain('2027-11-11 Armistice 1918');
    expect(fr.some((o) => o.EffectiveFrom === '2027-12-25')).toBe(false);
    for (const o of allOverrides()) {
      expect(o.EffectiveTill >= '2026-11-23').toBe(true);
      expect(o.EffectiveFrom <= '2027-11-30').toBe(true);
    }
  });

  it('stay within Connect’s 50 overrides for every hours of operation', () => {
    const hours = template.findResources('AWS::Connect::HoursOfOperation');
    expect(Object.keys(hours)).toHaveLength(policyTeams.length);
    for (const h of Object.values(hours)) {
      const overrides = (h as { Properties: { HoursOfOperationOverrides?: Override[] } }).Properties
        .HoursOfOperationOverrides;
      expect((overrides ?? []).length).toBeLessThanOrEqual(50);
    }
  });

  it('close each holiday from 00:00 to the 00:00 that ends it, leaving no last minute open', () => {
    // Act
    const closed = allOverrides().filter((o) => o.OverrideType === 'CLOSED');
    // Assess
    expect(closed.length).toBeGreaterThan(50);
    for (const o of closed)
      for (const c of o.OverrideConfig) {
        expect(c.StartTime).toEqual({ Hours: 0, Minutes: 0 });
        expect(c.EndTime).toEqual({ Hours: 0, Minutes: 0 });
      }
    expect(JSON.stringify(template.toJSON())).not.toContain('"Hours":23,"Minutes":59');
  });

  it('give a public holiday its local name and the weekday Connect checks it on', () => {
    expect(overridesOf('^Team Deutschland')).toContainEqual({
      OverrideName: '2026-12-25 1. Weihnachtstag',
      OverrideDescription: 'Closed all day: 1. Weihnachtstag',
      OverrideType: 'CLOSED',
      EffectiveFrom: '2026-12-25',
      EffectiveTill: '2026-12-25',
      OverrideConfig: [
        { Day: 'FRIDAY', StartTime: { Hours: 0, Minutes: 0 }, EndTime: { Hours: 0, Minutes: 0 } },
      ],
    });
  });
});
