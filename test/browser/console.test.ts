import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { postContact, useConsoleHarness } from './console-harness';

// Monday morning in Paris: the French team is open.
const NOW = '2026-11-23T10:00:00+01:00';
const BROWSER_TEST_MS = 45_000;

/** Sends from the try-it panel; answers the case number and the stored contact's id. */
async function sendFromTryPanel(
  page: Page,
  kind: string,
  text: string,
  guest = 0,
): Promise<[string, string]> {
  await page.locator('select[name="guest"]').selectOption(String(guest));
  await page.locator(`input[name="kind"][value="${kind}"]`).check();
  await page.locator('textarea[name="text"]').fill(text);
  await page.getByRole('button', { name: /^(Send|Place the call)$/ }).click();
  const link = page.locator('[data-result-case]');
  await link.waitFor();
  const contactId = (await page.locator('[data-result-contact]').getAttribute('data-result-contact')) ?? '';
  return [(await link.getAttribute('data-result-case')) ?? '', contactId];
}

describe('local console in Chromium', () => {
  const harness = useConsoleHarness(NOW, BROWSER_TEST_MS);

  it(
    'sends an SMS as a guest through the signed Twilio door and shows it in the queue and the outbox with its case',
    async () => {
      // Prepare: the gold guest checking in today, writing something that looks like markup
      const page = await harness().open();
      const text =
        'Hôtel surbooké, pas de chambre ce soir ! <img src=x onerror="document.body.dataset.xss=1">';
      // Act
      const [caseNumber, contactId] = await sendFromTryPanel(page, 'sms', text);
      // Assess: the real messaging door took it, and the console shows it everywhere it belongs
      expect(caseNumber).toMatch(/^CR-[0-9A-Z]{6}$/);
      expect(await page.locator('.result').textContent()).toContain('POST /twilio/messaging');
      const entry = page.locator(`[data-queue="fr-team"] [data-contact="${contactId}"]`);
      await entry.waitFor();
      expect(contactId).toMatch(/^sms:SM[0-9a-f]{32}$/);
      expect(await entry.textContent()).toContain(caseNumber);
      expect(await entry.textContent()).toContain('SMS');
      expect(await entry.textContent()).toContain('gold');
      // The queue shows the same priority the door's decision gave
      const decided = /fr-team · (P\d)/.exec((await page.locator('.result').textContent()) ?? '')?.[1];
      expect(await entry.locator('.prio').textContent()).toBe(decided);
      expect(await entry.textContent()).toContain('<img src=x');
      await page.locator('[data-tab="outbox"]').click();
      await page.locator(`.outbox-entry[data-case="${caseNumber}"]`).waitFor();
      await page.locator('[data-result-case]').click();
      const detail = page.locator(`[data-case-detail="${caseNumber}"]`);
      await detail.locator('.timeline li', { hasText: 'SMS' }).first().waitFor();
      expect(await detail.locator('blockquote.message').first().textContent()).toBe(text);
      // The guest's text is shown as text: no element was made of it and nothing of it ran
      expect(await page.locator('main img, aside img').count()).toBe(0);
      expect(await page.evaluate(() => document.body.dataset.xss)).toBeUndefined();
      await page.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'updates the open queue page, without reloading it, when another contact arrives',
    async () => {
      // Prepare: a page left open on the queues, marked so a reload would show
      const page = await harness().open();
      await page.evaluate(() => {
        (window as unknown as { stillThisPage: boolean }).stillThisPage = true;
      });
      // Act: a platinum guest in stay writes through another door
      const caseNumber = await postContact(harness().runtime, {
        channel: 'whatsapp',
        from: '+4915112345678',
        text: 'Die Heizung in meinem Zimmer funktioniert nicht.',
      });
      // Assess
      await page
        .locator('[data-queue="de-team"] .entry', { hasText: caseNumber })
        .waitFor({ timeout: 15_000 });
      expect(
        await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage),
      ).toBe(true);
      await page.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'places a call as a guest through the IVR flow and shows its transcript and its place in the queue',
    async () => {
      // Prepare: Emily calls the English line with her booking and PIN
      const page = await harness().open();
      await page.locator('select[name="guest"]').selectOption('2');
      await page.locator('input[name="kind"][value="call"]').check();
      await page.locator('textarea[name="text"]').fill('I would like to add breakfast');
      // Act
      await page.getByRole('button', { name: 'Place the call' }).click();
      await page.locator('.transcript').waitFor();
      // Assess
      const result = (await page.locator('.result').textContent()) ?? '';
      expect(result).toContain('main-inbound.json');
      expect(await page.locator('.transcript li', { hasText: '> 1000000032#' }).count()).toBe(1);
      const contactId = await page.locator('[data-result-contact]').getAttribute('data-result-contact');
      const entry = page.locator(`[data-contact="${contactId}"]`);
      await entry.waitFor();
      expect(await entry.textContent()).toContain('Call');
      // The agent sees who is on the line, not an unknown sender.
      expect(await entry.textContent()).toContain('Emily Carter');
      await page.close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'fits a phone-sized screen and still sends from the try-it panel',
    async () => {
      // Prepare
      const page = await harness().open({ width: 390, height: 844 });
      // Act
      await page.getByRole('link', { name: 'Try it' }).click();
      const [, contactId] = await sendFromTryPanel(page, 'whatsapp', 'Can I add breakfast tomorrow?', 2);
      await page.locator(`[data-queue="en-team"] [data-contact="${contactId}"]`).waitFor();
      // Assess: nothing is wider than the screen, and the try-it panel sits within it
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        screen: window.innerWidth,
        panel: document.querySelector('#try')?.getBoundingClientRect().right ?? Number.POSITIVE_INFINITY,
      }));
      expect(widths.page).toBeLessThanOrEqual(widths.screen);
      expect(widths.panel).toBeLessThanOrEqual(widths.screen);
      await page.close();
    },
    BROWSER_TEST_MS,
  );
  it(
    'lets an agent add an internal note and resolve a case from its page, which leaves the queue',
    async () => {
      // Prepare: a guest's message waiting in the French queue
      const page = await harness().open();
      const [caseNumber] = await sendFromTryPanel(page, 'sms', 'Bonjour, le parking est-il inclus ?');
      await page.locator(`[data-queue="fr-team"] [data-case="${caseNumber}"]`).waitFor();
      await page.locator('[data-result-case]').click();
      const detail = page.locator(`[data-case-detail="${caseNumber}"]`);
      await detail.locator('[data-status="waiting"]').waitFor();
      // Act
      await detail.getByLabel('internal note').fill('Parking: ask the hotel');
      await detail.locator('button[data-action="notes"]').click();
      await detail.locator('.timeline li', { hasText: 'Parking: ask the hotel' }).waitFor();
      await detail.locator('button[data-action="resolve"]').click();
      // Assess
      await detail.locator('[data-status="resolved"]').waitFor();
      await detail.locator('button[data-action="reopen"]').waitFor();
      await page.locator(`[data-queue="fr-team"] [data-case="${caseNumber}"]`).waitFor({ state: 'detached' });
      await page.close();
    },
    BROWSER_TEST_MS,
  );
});
