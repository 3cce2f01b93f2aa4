// Reliability campaign, load: 10,000 mixed contacts at 50 concurrent against the local runtime (its own
// process), 10% of them redelivered. Counts cases, replies, queue entries; lost and duplicated must be 0.
import { printCounts, runCampaign } from './reliability/run-campaign';

const total = Number(process.env.CAMPAIGN_CONTACTS ?? 10_000);
const counts = await runCampaign({ total, concurrency: 50 });
printCounts(`load: ${total} requests at 50 concurrent, 10% redelivered`, counts);
