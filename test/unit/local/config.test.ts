import { describe, expect, it } from 'vitest';
import { ShiftedClock } from '../../../local/clock';
import { readConfig } from '../../../local/config';

describe('local configuration', () => {
  it('runs on its embedded defaults with an empty environment', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ port: 3000, seedDemo: true, startAt: undefined });
    expect(config.dataDir).toMatch(/\.data\/local$/);
    expect(config.policyFile).toMatch(/policy\/routing-policy\.json$/);
  });

  it('keeps DATA_DIR=memory in memory instead of making a folder named "memory"', () => {
    expect(readConfig({ DATA_DIR: 'memory' }).dataDir).toBe('memory');
    expect(readConfig({ DATA_DIR: 'data/memory' }).dataDir).toMatch(/^\/.*data\/memory$/);
  });

  it('fails loudly on a bad PORT or CONTACT_ROUTER_NOW', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ CONTACT_ROUTER_NOW: 'next tuesday' })).toThrow(/CONTACT_ROUTER_NOW/);
  });

  it('starts the clock at CONTACT_ROUTER_NOW and lets it tick from there', () => {
    let real = 1_000_000;
    const clock = new ShiftedClock(new Date('2026-12-24T22:10:00Z'), () => real);
    expect(clock.now().toISOString()).toBe('2026-12-24T22:10:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2026-12-24T22:11:30.000Z');
  });
});
