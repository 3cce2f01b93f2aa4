// CONTACT_ROUTER_NOW years after the last hand-typed holiday: the local runtime computes each team's
// public holidays for its own clock, decides with them, and the console's policy view lists them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime';
import { startMemoryRuntime, useConsoleHarness } from './console-harness';

const BROWSER_TEST_MS = 45_000;

interface Team {
  id: string;
  open: boolean;
  reason: string;
  calendar: string | null;
  closures: { date: string; name: string }[];
}

async function teams(runtime: Runtime): Promise<Team[]> {
  const response = await fetch(`${runtime.url}/api/policy/status`);
  return ((await response.json()) as { teams: Team[] }).teams;
}

const team = (list: Team[], id: string): Team => {
  const found = list.find((t) => t.id === id);
  if (!found) throw new Error(`no team ${id}`);
  return found;
};

describe('holidays at a runtime clock in 2028', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    // Monday, 25 December 2028, 11:00 in Paris: a working day by the week, Christmas by the calendar.
    runtime = await startMemoryRuntime('2028-12-25T11:00:00+01:00');
  });
  afterAll(async () => {
    await runtime.close();
  });

  it('closes the teams whose country keeps Christmas, naming the holiday in their language', async () => {
    // Act
    const list = await teams(runtime);
    // Assess
    expect(team(list, 'fr-team')).toMatchObject({ open: false, calendar: 'FR' });
    expect(team(list, 'fr-team').reason).toContain('holiday: Noël');
    expect(team(list, 'de-team').reason).toContain('holiday: 1. Weihnachtstag');
    expect(team(list, 'en-team')).toMatchObject({ calendar: 'GB-ENG' });
    expect(team(list, 'en-team').reason).toContain('holiday: Christmas Day');
    expect(team(list, 'ru-team').reason).not.toContain('holiday');
  });
});

describe('holidays in the console’s policy view at a runtime clock in 2030', () => {
  const harness = useConsoleHarness('2030-12-20T10:00:00+01:00', BROWSER_TEST_MS);

  it(
    'lists each team’s next closed days of 2030 and 2031',
    async () => {
      // Act
      const list = await teams(harness().runtime);
      const page = await harness().open();
      await page.locator('[data-tab="policy"]').click();
      const fr = page.locator('[data-closures="fr-team"]');
      await fr.waitFor();
      // Assess
      expect(team(list, 'fr-team').closures.slice(0, 2)).toEqual([
        { date: '2030-12-25', name: 'Noël' },
        { date: '2031-01-01', name: 'Nouvel An' },
      ]);
      expect(team(list, 'zh-team').closures[0]).toEqual({ date: '2031-01-01', name: '元旦' });
      expect(team(list, 'global-247').closures).toEqual([]);
      expect(await fr.textContent()).toContain('2030-12-25 Noël');
      expect(await page.locator('[data-closures="id-team"]').textContent()).toContain('2030-12-25');
    },
    BROWSER_TEST_MS,
  );
});
