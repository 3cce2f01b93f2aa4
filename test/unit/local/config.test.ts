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

  it('serves the doors on 3001 beside the operator’s 3000, on a free port when PORT=0, or on DOORS_PORT', () => {
    expect(readConfig({})).toMatchObject({ port: 3000, doorsPort: 3001, allowedHosts: [] });
    expect(readConfig({ PORT: '0' }).doorsPort).toBe(0);
    expect(readConfig({ PORT: '0', DOORS_PORT: '4001' }).doorsPort).toBe(4001);
    expect(() => readConfig({ DOORS_PORT: '70000' })).toThrow(/DOORS_PORT must be 0-65535/);
  });

  it('reads ALLOWED_HOSTS as host names, refusing a port or a scheme', () => {
    expect(readConfig({ ALLOWED_HOSTS: 'Console.Lan, [fd00::1]' }).allowedHosts).toEqual([
      'console.lan',
      '[fd00::1]',
    ]);
    expect(() => readConfig({ ALLOWED_HOSTS: 'http://console.lan:3000' })).toThrow(/ALLOWED_HOSTS/);
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
