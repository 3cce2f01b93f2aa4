// Reliability campaign, faults: the contact centre fails (PUT /api/faults) from a third to two thirds of
// the run. Contacts are still recorded and answered; once it recovers every one is handed off, once.
import { drainHandoffs, printCounts, runCampaign } from './reliability/run-campaign';

const total = Number(process.env.CAMPAIGN_CONTACTS ?? 3_000);
let phase: 'before' | 'down' | 'up' = 'before';
let flips: Promise<unknown> = Promise.resolve();
const put = (url: string, state: 'down' | 'up') =>
  fetch(`${url}/api/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ contactCenter: state }),
  });

const counts = await runCampaign({
  total,
  concurrency: 50,
  during: (context, sent) => {
    if (phase === 'before' && sent >= total / 3) {
      phase = 'down';
      flips = flips.then(() => put(context.runtime.url, 'down'));
    } else if (phase === 'down' && sent >= (2 * total) / 3) {
      phase = 'up';
      flips = flips.then(() => put(context.runtime.url, 'up'));
    }
  },
  settle: async (context) => {
    await flips;
    await drainHandoffs(context.runtime.url);
  },
});
printCounts(`faults: ${total} requests at 50 concurrent, contact centre down for the middle third`, counts);
