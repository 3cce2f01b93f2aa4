// Reliability campaign, restart: the runtime is killed (SIGKILL, no clean shutdown) a third of the way
// through and started again on the same data; senders retry what went unanswered, as Twilio and mail
// servers do. No case may be lost or duplicated.

import { drainHandoffs, printCounts, runCampaign } from './reliability/run-campaign';
import { startChildRuntime } from './support/child-runtime';

const total = Number(process.env.CAMPAIGN_CONTACTS ?? 3_000);
let restart: Promise<void> | undefined;
let downMs = 0;
const counts = await runCampaign({
  total,
  concurrency: 50,
  during: (context, sent) => {
    if (restart || sent < total / 3) return;
    restart = (async () => {
      const started = performance.now();
      await context.runtime.stop('SIGKILL');
      context.runtime = await startChildRuntime(context.env);
      downMs = performance.now() - started;
    })();
  },
  settle: async (context) => {
    await restart;
    await drainHandoffs(context.runtime.url);
  },
});
printCounts(
  `restart: ${total} requests at 50 concurrent, killed after ${Math.round(total / 3)}, down ${(downMs / 1000).toFixed(1)} s`,
  counts,
);
