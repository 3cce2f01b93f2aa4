// Shared frame of the reliability campaigns: a fresh runtime as a child process, the channels, the
// play, the audit of the stopped runtime's data, and the printed counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localTwilioAuthToken } from '../../local/twilio-token';
import { audit } from '../support/audit';
import { type Channel, type Played, planConversations, play, verify } from '../support/campaign';
import { type ChildRuntime, startChildRuntime } from '../support/child-runtime';
import { messagingChannels } from './channels';

/** Monday 23 Nov 2026, 22:10 in Paris: some teams open, some closed (fallbacks happen). */
export const CAMPAIGN_NOW = '2026-11-23T22:10:00+01:00';

/** A free TCP port, so a restarted runtime can come back on the same address. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** What a campaign step can reach while traffic flows. */
export interface CampaignContext {
  readonly dataDir: string;
  readonly env: Record<string, string>;
  runtime: ChildRuntime;
}

/**
 * Starts a runtime, plays `total` contacts (10% redelivered) at `concurrency`, lets `during` act on
 * the run (faults, a restart) as contacts go through, then stops the runtime and audits its data.
 */
export async function runCampaign(options: {
  total: number;
  concurrency: number;
  during?: (context: CampaignContext, sent: number) => void;
  settle?: (context: CampaignContext) => Promise<void>;
}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'contact-router-campaign-'));
  const port = await freePort();
  const env = { DATA_DIR: dataDir, PORT: String(port), CONTACT_ROUTER_NOW: CAMPAIGN_NOW };
  const context: CampaignContext = { dataDir, env, runtime: await startChildRuntime(env) };
  try {
    const token = localTwilioAuthToken(dataDir, {});
    const channels: Channel[] = messagingChannels(() => context.runtime.url, token, Date.now());
    const plan = planConversations(channels, options.total, 0.1);
    const played: Played = await play(plan, options.concurrency, (sent) => options.during?.(context, sent));
    await options.settle?.(context);
    await context.runtime.stop();
    const ids = played.conversations.flatMap((c) => c.messageIds.map((id) => c.channel.contactIdOf(id)));
    const counts = verify(played, await audit(dataDir, ids));
    return {
      ...counts,
      seconds: Number((played.ms / 1000).toFixed(1)),
      channels: channels.map((c) => c.name),
    };
  } finally {
    await context.runtime.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Hands off whatever is pending now (the runtime also does it every 10 s; this keeps campaigns short). */
export async function drainHandoffs(url: string): Promise<void> {
  for (let round = 0; round < 100; round++) {
    const response = await fetch(`${url}/api/handoffs/retry`, { method: 'POST' });
    const { attempted } = (await response.json()) as { attempted: number };
    if (attempted === 0) return;
  }
}

/** Prints a campaign's counts, one per line. */
export function printCounts(title: string, counts: Record<string, unknown>): void {
  console.log(title);
  for (const [key, value] of Object.entries(counts)) console.log(`  ${key.padEnd(32)} ${String(value)}`);
}
