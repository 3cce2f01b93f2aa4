// Shared frame of the reliability campaigns: a fresh runtime as a child process, the channels, the
// play, the audit of the stopped runtime's data, and the printed counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPolicyFile } from '../../local/app';
import { readConfig } from '../../local/config';
import { LOCAL_EMAIL } from '../../local/doors/email-door';
import { readPhoneLines } from '../../local/doors/voice/local-ivr';
import { localTwilioAuthToken } from '../../local/twilio-token';
import { audit } from '../support/audit';
import { type Channel, type Played, planConversations, play, verify } from '../support/campaign';
import { type ChildRuntime, startChildRuntime } from '../support/child-runtime';
import { senderRetries } from '../support/senders';
import { callChannel, emailChannel, messagingChannels } from './channels';

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
  // Fixed ports, so a restarted runtime comes back where the senders are sending.
  const env = {
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    DOORS_PORT: String(await freePort()),
    SMTP_PORT: String(await freePort()),
    CONTACT_ROUTER_NOW: CAMPAIGN_NOW,
  };
  const context: CampaignContext = { dataDir, env, runtime: await startChildRuntime(env) };
  try {
    const token = localTwilioAuthToken(dataDir, {});
    const runTag = Date.now();
    const url = () => context.runtime.url;
    const doorsUrl = () => context.runtime.doorsUrl;
    const config = readConfig({});
    const smtp = () => ({ host: '127.0.0.1', port: context.runtime.smtpPort, to: LOCAL_EMAIL.from });
    const channels: Channel[] = [
      ...messagingChannels(doorsUrl, token, runTag),
      emailChannel(smtp, runTag),
      callChannel(
        url,
        readPolicyFile(config.policyFile, config.startAt ?? new Date()),
        readPhoneLines(config.policyFile),
        runTag,
      ),
    ];
    const plan = planConversations(channels, options.total, 0.1);
    const played: Played = await play(plan, options.concurrency, (sent) => options.during?.(context, sent));
    await options.settle?.(context);
    await context.runtime.stop();
    const ids = played.conversations.flatMap((c) => c.messageIds.map((id) => c.channel.contactIdOf(id)));
    const { total, byChannel } = verify(played, await audit(dataDir, ids));
    return {
      counts: {
        ...total,
        seconds: Number((played.ms / 1000).toFixed(1)),
        requestsPerSecond: Math.round(played.sent / (played.ms / 1000)),
        senderRetries:
          Object.entries(senderRetries)
            .map(([why, n]) => `${why}: ${n}`)
            .join(', ') || 'none',
      },
      byChannel,
      log: context.runtime.output(),
    };
  } finally {
    await context.runtime.stop().catch(() => undefined);
    if (process.env.CAMPAIGN_KEEP_DATA) console.log(`data kept in ${dataDir} (CAMPAIGN_KEEP_DATA)`);
    else rmSync(dataDir, { recursive: true, force: true });
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

/** Prints a campaign's counts, one per line, then a table per channel. */
export function printCounts(
  title: string,
  result: { counts: Record<string, unknown>; byChannel: Record<string, Record<string, number>> },
): void {
  console.log(title);
  for (const [key, value] of Object.entries(result.counts))
    console.log(`  ${key.padEnd(32)} ${String(value)}`);
  const names = Object.keys(result.byChannel);
  const keys = Object.keys(Object.values(result.byChannel)[0] ?? {});
  console.log(`\n  ${'per channel'.padEnd(18)}${names.map((n) => n.padStart(10)).join('')}`);
  for (const key of keys)
    console.log(
      `  ${key.padEnd(18)}${names.map((n) => String(result.byChannel[n]?.[key] ?? '').padStart(10)).join('')}`,
    );
}
