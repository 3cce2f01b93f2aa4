// Reliability campaign, bad input: fast-check samples of malformed, unsigned and hostile input at every
// door of a running local runtime (its own process), then every real sample of ../shared/fixtures when
// that folder exists. Prints per door: requests, accepted, refused (by status and error code), crashes
// (5xx other than 503, dropped connections, unexpected errors), and unhandled rejections here and in
// the runtime's output. Crashes and unhandled rejections must be 0.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { localTwilioAuthToken } from '../local/twilio-token';
import { startChildRuntime } from './support/child-runtime';
import type { DoorTally } from './support/door-tally';
import { replayFixtures } from './support/fixture-replay';
import { fuzzDoors } from './support/fuzz-doors';

const runs = Number(process.env.BAD_INPUT_RUNS ?? 300);
const seed = Number(process.env.BAD_INPUT_SEED ?? 20261123);
const fixtures = resolve(process.env.FIXTURES_DIR ?? '../shared/fixtures');
let rejections = 0;
process.on('unhandledRejection', (reason) => {
  rejections++;
  console.error('unhandled rejection in the bench:', reason);
});

const dataDir = mkdtempSync(join(tmpdir(), 'contact-router-bad-input-'));
const runtime = await startChildRuntime({ DATA_DIR: dataDir, SMTP_PORT: '0' });
const started = performance.now();
const tallies: DoorTally[] = [];
let exitCode: number | null = null;
try {
  const doors = {
    url: runtime.url,
    doorsUrl: runtime.doorsUrl,
    smtpPort: runtime.smtpPort,
    twilioToken: localTwilioAuthToken(dataDir, {}),
  };
  tallies.push(...(await fuzzDoors(doors, runs, seed)));
  if (existsSync(fixtures)) tallies.push(...(await replayFixtures(fixtures, runtime.smtpPort)));
  else console.log(`no fixtures folder at ${fixtures} (as in CI): the real-sample replay is skipped`);
  // Still alive after all of it?
  const health = await fetch(`${runtime.url}/health`).then(
    (r) => r.status,
    () => 0,
  );
  if (health !== 200) console.log(`the runtime does not answer /health any more (${health})`);
} finally {
  exitCode = await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
const output = runtime.output();
const childRejections = output.split('\n').filter((l) => /unhandled ?rejection|uncaught ?exception/i.test(l));
const childErrors = output.split('\n').filter((l) => /^error: /.test(l));

console.log(
  `bad input: ${runs} fast-check samples per door (seed ${seed}), ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
for (const tally of tallies) for (const line of tally.lines()) console.log(`  ${line}`);
const crashes = tallies.reduce((sum, t) => sum + t.crashes, 0);
console.log(`  total: ${tallies.reduce((sum, t) => sum + t.requests, 0)} requests, ${crashes} crashes`);
console.log(
  `  unhandled rejections: ${rejections} in the bench, ${childRejections.length} in the runtime's output`,
);
console.log(`  runtime: ${childErrors.length} internal errors logged, exit code after SIGINT ${exitCode}`);
for (const line of [...childRejections, ...childErrors].slice(0, 5)) console.log(`    ${line.slice(0, 200)}`);
