// The flood alone: messages from one number, 20 at a time, on the signed messaging door of an in-process
// runtime. Prints how long it took, how the time per message moves as the case grows, and what it left
// (one case, one waiting entry, none after resolving). `FLOOD_MESSAGES` sets the size (2,000 by default).
import { flood } from './reliability/flood';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const size = Number(process.env.FLOOD_MESSAGES ?? 2_000);
const left = await flood(size, 20);
console.log(`flood: ${size} messages from one number, 20 at a time`);
for (const [key, value] of Object.entries(left)) console.log(`  ${key.padEnd(32)} ${value}`);
