import { describe, expect, it } from 'vitest';
import { postContact, useConsoleHarness } from './console-harness';

// Monday morning in Paris; Camille (demo) checks in today at Hôtel Lumière Paris.
const NOW = '2026-11-23T10:00:00+01:00';
const BROWSER_TEST_MS = 60_000;

describe('console: incidents', () => {
  const harness = useConsoleHarness(NOW, BROWSER_TEST_MS);

  it(
    'declares an incident, shows its counts live as the guest writes, and resolves it',
    async () => {
      // Prepare
      const { runtime } = harness();
      const page = await harness().open();
      await page.locator('[data-tab="incidents"]').click();
      const form = page.locator('[data-declare]');

      // Act: first without a criterion (refused, with the reason), then by property
      await form.locator('input[name="title"]').fill('Flood at Hôtel Lumière');
      await form.locator('select[name="language"]').selectOption('fr');
      await form.locator('textarea[name="message"]').fill("L'hôtel est inondé ; nous vous relogeons.");
      await form.getByRole('button', { name: 'Declare' }).click();
      await page.locator('[role="alert"]').waitFor();
      const refusal = await page.locator('[role="alert"]').textContent();
      await form.locator('input[name="property"]').fill('Hôtel Lumière Paris');
      await form.getByRole('button', { name: 'Declare' }).click();
      const row = page.locator('[data-incident]');
      await row.waitFor();
      const declared = await row.locator('[data-counts]').textContent();
      await postContact(runtime, {
        channel: 'sms',
        from: '+33612345678',
        text: 'Bonjour, une question sur ma réservation 1000000016',
      });
      await row.locator('[data-counts]', { hasText: '1 contacts' }).waitFor();
      await row.getByRole('button', { name: 'Resolve' }).click();
      await page.locator('[data-incident][data-status="resolved"]').waitFor();

      // Assess
      expect(refusal).toContain('name at least one criterion');
      expect(declared?.replace(/\s+/g, ' ')).toContain('1 bookings · 0 notified · 0 contacts · 0 open cases');
      expect((await row.locator('[data-counts]').textContent())?.replace(/\s+/g, ' ')).toContain(
        '0 open cases',
      );
    },
    BROWSER_TEST_MS,
  );

  it(
    'links an incident notice in the outbox to its incident, not to a case',
    async () => {
      // Prepare: an incident that notifies Camille; her notice goes to the local outbox
      const { runtime } = harness();
      const declared = await fetch(`${runtime.url}/api/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Lift out of order',
          match: { property: 'Hôtel Lumière Paris' },
          message: { fr: "L'ascenseur est en panne." },
          notify: true,
        }),
      });
      const { incident } = (await declared.json()) as { incident: { id: string } };
      const page = await harness().open();
      await page.locator('[data-tab="outbox"]').click();
      const notice = page.locator('.outbox-entry[data-kind="incident"]', { hasText: "L'ascenseur" });

      // Act
      await notice.locator(`[data-incident-link="${incident.id}"]`).click();
      const shown = page.locator(`[data-incident="${incident.id}"][aria-current="true"]`);
      await shown.waitFor();

      // Assess: the incidents tab, that incident marked, no case opened (nor its 404)
      expect(declared.status).toBe(201);
      expect(await page.locator('[data-tab="incidents"]').getAttribute('aria-selected')).toBe('true');
      expect(await shown.textContent()).toContain('Lift out of order');
      expect(await page.locator('[role="alert"]').count()).toBe(0);
    },
    BROWSER_TEST_MS,
  );
});
