// Reliability campaign, load: 10,000 mixed contacts at 50 concurrent against the local runtime (its own
// process), 10% of them redelivered. Counts cases, replies, queue entries (one per waiting case, never
// per contact); lost and duplicated must be 0. Then a flood of 2,000 messages from one number must
// leave one entry, and resolving its case must remove it.
import { flood } from './reliability/flood';
import { printCounts, runCampaign } from './reliability/run-campaign';

const total = Number(process.env.CAMPAIGN_CONTACTS ?? 10_000);
const counts = await runCampaign({ total, concurrency: 50 });
printCounts(`load: ${total} requests at 50 concurrent, 10% redelivered`, counts);
const { waitingCases, queueEntries } = counts.counts as Record<string, unknown>;
console.log(
  `\n  queue entries = waiting cases     ${queueEntries === waitingCases ? 'yes' : 'NO'} (${queueEntries} / ${waitingCases})`,
);

const floodSize = Number(process.env.FLOOD_MESSAGES ?? 2_000);
const left = await flood(floodSize, 20);
console.log(`\nflood: ${floodSize} messages from one number, 20 at a time`);
for (const [key, value] of Object.entries(left)) console.log(`  ${key.padEnd(32)} ${value}`);
