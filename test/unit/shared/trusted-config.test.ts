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

const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

describe('trusted bundled configuration', () => {
  it('reads the shipped routing policy exactly as the schema validates it, deeply frozen', () => {
    // Act
    const trusted = trustedRoutingPolicy(read(BUNDLED_CONFIG.routingPolicy));
    // Assess
    expect(trusted).toStrictEqual(loadRoutingPolicy(read(BUNDLED_CONFIG.routingPolicy)));
    expect(Object.isFrozen(trusted.queues['en-team']?.hours)).toBe(true);
  });

  it('reads the shipped phone lines exactly as the schema validates them', () => {
    expect(trustedPhoneLines(read(BUNDLED_CONFIG.phoneLines))).toStrictEqual(
      loadPhoneLines(read(BUNDLED_CONFIG.phoneLines)),
    );
  });

  it('fills the defaults a shorter file leaves out (stay times, topic points, queue hours)', () => {
    // Prepare
    const json = read(BUNDLED_CONFIG.routingPolicy) as Record<string, unknown>;
    const { stay: _stay, ...withoutStay } = json;
    // Act / Assess
    expect(trustedRoutingPolicy(withoutStay)).toStrictEqual(loadRoutingPolicy(withoutStay));
  });

  it('lets synthesis pass for the shipped files and stop, naming the file and field, on a bad one', () => {
    // Prepare
    const root = mkdtempSync(join(tmpdir(), 'bundled-config-'));
    try {
      cpSync('policy', join(root, 'policy'), { recursive: true });
      // Act / Assess
      expect(() => checkBundledConfig(root)).not.toThrow();
      const policy = read(join(root, BUNDLED_CONFIG.routingPolicy)) as { fallbackQueue: string };
      policy.fallbackQueue = 'nobody';
      writeFileSync(join(root, BUNDLED_CONFIG.routingPolicy), JSON.stringify(policy));
      expect(() => checkBundledConfig(root)).toThrow(/routing-policy\.json: .*fallbackQueue/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
