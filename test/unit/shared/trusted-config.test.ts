// The Lambdas read the bundled policy and phone lines without zod; these readers must give exactly
// what the schemas give for the shipped files, and synthesis must refuse a file that breaks the schema.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPhoneLines } from '../../../functions/domain/ivr/phone-lines-schema';
import { loadRoutingPolicy } from '../../../functions/domain/routing/load-policy';
import { trustedPhoneLines, trustedRoutingPolicy } from '../../../functions/shared/trusted-config';
import { BUNDLED_CONFIG, checkBundledConfig } from '../../../infra/constructs/bundled-config-check';
import { testHolidays } from '../../support/test-holidays';

const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
// Whatever the CDK app computed: the reader takes it as it is, beside the policy.
const calendar = testHolidays(loadRoutingPolicy(read(BUNDLED_CONFIG.routingPolicy), testHolidays));
const sameCalendar = () => calendar;

describe('trusted bundled configuration', () => {
  it('reads the shipped routing policy exactly as the schema validates it, deeply frozen', () => {
    // Act
    const trusted = trustedRoutingPolicy(read(BUNDLED_CONFIG.routingPolicy), calendar);
    // Assess
    expect(trusted).toStrictEqual(loadRoutingPolicy(read(BUNDLED_CONFIG.routingPolicy), sameCalendar));
    expect(trusted.calendar.teams['fr-team']?.days['2026-12-25']).toBe('Noël');
    expect(Object.isFrozen(trusted.queues['en-team']?.hours)).toBe(true);
  });

  it('reads the shipped phone lines exactly as the schema validates them', () => {
    expect(trustedPhoneLines(read(BUNDLED_CONFIG.phoneLines))).toStrictEqual(
      loadPhoneLines(read(BUNDLED_CONFIG.phoneLines)),
    );
  });

  it('fills the defaults a shorter file leaves out (stay times, topic points, holiday types)', () => {
    // Prepare
    const json = read(BUNDLED_CONFIG.routingPolicy) as Record<string, unknown>;
    const { stay: _stay, ...withoutStay } = json;
    const queues = withoutStay.queues as Record<string, Record<string, unknown>>;
    queues['fr-team'] = { ...queues['fr-team'], holidays: { country: 'FR' } };
    // Act / Assess
    expect(trustedRoutingPolicy(withoutStay, calendar)).toStrictEqual(
      loadRoutingPolicy(withoutStay, sameCalendar),
    );
  });

  it('lets synthesis pass for the shipped files and stop, naming the file and field, on a bad one', () => {
    // Prepare
    const root = mkdtempSync(join(tmpdir(), 'bundled-config-'));
    try {
      cpSync('policy', join(root, 'policy'), { recursive: true });
      // Act / Assess
      expect(() => checkBundledConfig(root, calendar)).not.toThrow();
      const policy = read(join(root, BUNDLED_CONFIG.routingPolicy)) as { fallbackQueue: string };
      policy.fallbackQueue = 'nobody';
      writeFileSync(join(root, BUNDLED_CONFIG.routingPolicy), JSON.stringify(policy));
      expect(() => checkBundledConfig(root, calendar)).toThrow(/routing-policy\.json: .*fallbackQueue/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
