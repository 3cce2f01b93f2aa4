// `npm run screenshot`: starts the runtime in memory at a fixed clock, sends a few contacts through the
// try-it endpoints, and saves the console as docs/console.png (the picture in the README).
import { resolve } from 'node:path';
import { readConfig } from '../config';
import { launchChromium } from '../console/chromium';
import { freePort } from '../console/free-port';
import { startRuntime } from '../runtime';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const OUT = resolve(process.argv[2] ?? 'docs/console.png');
const NOW = '2026-11-23T10:00:00+01:00';

const CONTACTS: readonly [string, unknown][] = [
  [
    '/api/try/sms',
    { channel: 'sms', from: '+33612345678', text: 'Hôtel surbooké, pas de chambre ce soir !' },
  ],
  [
    '/api/try/sms',
    { channel: 'whatsapp', from: '+4915112345678', text: 'Die Heizung im Zimmer ist kaputt.' },
  ],
  [
    '/api/try/email',
    { from: 'emily.carter@example.co.uk', subject: 'Breakfast', text: 'Can I add breakfast?' },
  ],
  [
    '/api/try/call',
    { from: '+14155550123', bookingRef: '1000000123', pin: '1313', said: 'I need a late check-out' },
  ],
];

async function main(): Promise<void> {
  // The email try-it needs to know the SMTP door's port, so it is chosen here rather than left random.
  process.env.SMTP_PORT = String(await freePort());
  const config = { ...readConfig({ PORT: '0', CONTACT_ROUTER_NOW: NOW }), dataDir: 'memory' };
  const runtime = await startRuntime(config, (line) => console.error(line));
  const browser = await launchChromium({ width: 1280, height: 900 });
  try {
    for (const [path, body] of CONTACTS) {
      const response = await fetch(`${runtime.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    }
    const page = await browser.context.newPage();
    await page.goto(runtime.url);
    await page.locator('.entry').first().waitFor();
    // The last one goes through the panel itself, so the picture shows its answer.
    await page.locator('select[name="guest"]').selectOption('4');
    await page.locator('textarea[name="text"]').fill('Hi, how do refunds work?');
    await page.getByRole('button', { name: 'Send' }).click();
    const sent = await page.locator('[data-result-contact]').getAttribute('data-result-contact');
    await page.locator(`[data-contact="${sent}"]`).waitFor();
    await page.screenshot({ path: OUT, fullPage: false });
    console.log(`saved ${OUT}`);
  } finally {
    await browser.close();
    await runtime.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
