// Reliability campaign, faults: the contact centre and the mailer fail on command (PUT /api/faults) from
// a third to two thirds of the run, on every channel. Contacts are still recorded and answered (mail
// servers get a 451 and retry); once both recover every contact is handed off once and every
// acknowledgement that failed is sent by the retry beat.
import { drainHandoffs, printCounts, runCampaign } from './reliability/run-campaign';

const total = Number(process.env.CAMPAIGN_CONTACTS ?? 3_000);
// The runtime's retry beat (10 s) resends failed acknowledgements; wait for one after the recovery.
const RETRY_BEAT_MS = 11_000;
let phase: 'before' | 'down' | 'up' = 'before';
let flips: Promise<unknown> = Promise.resolve();
let recoveredAt = 0;
const put = async (url: string, state: 'down' | 'up') => {
  const response = await fetch(`${url}/api/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ contactCenter: state, mailer: state }),
  });
  if (!response.ok) throw new Error(`PUT /api/faults: ${response.status} ${await response.text()}`);
};

const result = await runCampaign({
  total,
  concurrency: 50,
  during: (context, sent) => {
    if (phase === 'before' && sent >= total / 3) {
      phase = 'down';
      flips = flips.then(() => put(context.runtime.url, 'down'));
    } else if (phase === 'down' && sent >= (2 * total) / 3) {
      phase = 'up';
      flips = flips.then(async () => {
        await put(context.runtime.url, 'up');
        recoveredAt = performance.now();
      });
    }
  },
  settle: async (context) => {
    await flips;
    await drainHandoffs(context.runtime.url);
    const wait = recoveredAt + RETRY_BEAT_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  },
});
const log = result.log.split('\n');
const resent = log.filter((line) => line.includes('pending acknowledgements sent again'));
printCounts(
  `faults: ${total} requests at 50 concurrent, contact centre and mailer down for the middle third`,
  {
    ...result,
    counts: {
      ...result.counts,
      acknowledgementsResentByBeat: resent.join(' | ') || 'none',
    },
  },
);
