import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useConsoleHarness } from './console-harness';

// Monday morning in Paris: the French team is open.
const NOW = '2026-11-23T10:00:00+01:00';
const BROWSER_TEST_MS = 60_000;

/** Sends an SMS from the try-it panel as the first demo guest (Camille); answers the case number. */
async function guestSms(page: Page, text: string): Promise<string> {
  await page.locator('select[name="guest"]').selectOption('0');
  await page.locator('input[name="kind"][value="sms"]').check();
  await page.locator('textarea[name="text"]').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  const link = page.locator('[data-result-case]');
  await link.waitFor();
  return (await link.getAttribute('data-result-case')) ?? '';
}

describe('console: replies, delivery status and satisfaction', () => {
  const harness = useConsoleHarness(NOW, BROWSER_TEST_MS);

  it(
    'answers with a template filled from the verified booking, shows its delivery, and the CSAT after the survey',
    async () => {
      // Prepare: Camille writes from her booking's phone; her case opens in the console
      const page = await harness().open();
      const caseNumber = await guestSms(page, 'Bonjour, quelles sont mes dates ? Réservation 1000000016');
      await page.locator('[data-result-case]').click();
      const detail = page.locator(`[data-case-detail="${caseNumber}"]`);
      const box = detail.locator('[data-reply-box]');
      await box.waitFor();

      // Act: pick the stay-dates template and send it
      await box.getByLabel('template').selectOption('stay_dates');
      const preview = (await box.locator('[data-template-preview]').textContent()) ?? '';
      await box.locator('button[data-action="reply"]').click();
      const sent = detail.locator('[data-guest-messages] [data-delivery]').first();
      await sent.waitFor();
      const delivery = await sent.getAttribute('data-delivery');
      await detail.locator('[data-status="pending_guest"]').waitFor();
      await detail.locator('button[data-action="resolve"]').click();
      await detail.locator('[data-status="resolved"]').waitFor();
      await guestSms(page, '4 merci');
      await page.locator('[data-tab="cases"]').click();
      const summary = page.locator('[data-csat-summary] [data-csat="fr-team"]');
      await summary.waitFor();

      // Assess
      expect(preview).toMatch(/^Votre séjour à Hôtel Lumière Paris a lieu du 23 novembre 2026/);
      expect(delivery).toBe('sent'); // the local outbox took it
      expect(await summary.textContent()).toContain('100% satisfied');
      await page.close();
    },
    BROWSER_TEST_MS,
  );
});
