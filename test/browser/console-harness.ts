import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { readConfig } from '../../local/config';
import { type HeadlessChromium, launchChromium } from '../../local/console/chromium';
import { freePort } from '../../local/console/free-port';
import { type Runtime, startRuntime } from '../../local/runtime';

/** A local runtime in memory at a fixed clock, and a headless Chromium to look at its console. */
export interface ConsoleHarness {
  readonly runtime: Runtime;
  readonly browser: HeadlessChromium;
  /** A fresh tab on the console, at the given viewport, with the page loaded. */
  open(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** A runtime in memory at a fixed clock, on a random HTTP port and a free SMTP port (test files run side by side). */
export async function startMemoryRuntime(now: string): Promise<Runtime> {
  process.env.SMTP_PORT = String(await freePort());
  return startRuntime({ ...readConfig({ PORT: '0', CONTACT_ROUTER_NOW: now }), dataDir: 'memory' });
}

/** Starts the runtime (see startMemoryRuntime), then Chromium, failing clearly when it is missing. */
export async function startConsoleHarness(now: string): Promise<ConsoleHarness> {
  const runtime = await startMemoryRuntime(now);
  let browser: HeadlessChromium;
  try {
    browser = await launchChromium();
  } catch (error) {
    await runtime.close();
    throw error;
  }
  return {
    runtime,
    browser,
    async open(viewport) {
      const page = await browser.context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(runtime.url);
      await page.locator('[data-tab="queues"]').waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await runtime.close();
    },
  };
}

/** Posts a contact through the runtime's plain-JSON door, as another guest would, and returns its case. */
export async function postContact(runtime: Runtime, contact: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${runtime.url}/api/contacts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(contact),
  });
  if (response.status !== 201) throw new Error(`POST /api/contacts answered ${response.status}`);
  const body = (await response.json()) as { record: { caseNumber: string } };
  return body.record.caseNumber;
}

/**
 * Starts the harness for the describe block it is called in (stopped after it) and returns its accessor:
 * when the start failed, each test fails on its own with the reason (e.g. how to install Chromium)
 * instead of being skipped.
 */
export function useConsoleHarness(now: string, startTimeoutMs: number): () => ConsoleHarness {
  let started: ConsoleHarness | undefined;
  let startError: unknown;
  beforeAll(async () => {
    started = await startConsoleHarness(now).catch((error: unknown) => {
      startError = error;
      return undefined;
    });
  }, startTimeoutMs);
  afterAll(async () => {
    await started?.close();
  });
  return () => {
    if (!started) throw startError;
    return started;
  };
}
