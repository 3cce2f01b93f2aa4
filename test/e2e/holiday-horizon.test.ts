// A team whose computed holidays end within 60 days is named at local start-up, so nobody finds out
// on the first holiday the runtime treats as a working day.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '../../functions/domain/routing/holiday-calendar';
import { readConfig } from '../../local/config';
import { freePort } from '../../local/console/free-port';
import { type Runtime, startRuntime } from '../../local/runtime';

const NOW = '2029-03-05T09:00:00+01:00';
const dir = mkdtempSync(join(tmpdir(), 'holiday-horizon-'));
const runtimes: Runtime[] = [];

afterAll(async () => {
  await Promise.all(runtimes.map((r) => r.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function startWith(policy: unknown): Promise<string[]> {
  const file = join(dir, `policy-${runtimes.length}.json`);
  writeFileSync(file, JSON.stringify(policy));
  process.env.SMTP_PORT = String(await freePort());
  const lines: string[] = [];
  const config = readConfig({ PORT: '0', CONTACT_ROUTER_NOW: NOW, ROUTING_POLICY: file });
  runtimes.push(await startRuntime({ ...config, dataDir: 'memory' }, (line) => lines.push(line)));
  return lines;
}

describe('local start-up and the holiday horizon', () => {
  it('says nothing for the shipped policy, whose calendars reach twelve months ahead', async () => {
    // Act
    const lines = await startWith(JSON.parse(readFileSync('policy/routing-policy.json', 'utf8')));
    // Assess
    expect(lines.filter((l) => l.startsWith('warning:'))).toEqual([]);
  });

  it('names a team that would need more closed days than Connect keeps, and when its calendar ends', async () => {
    // Prepare: a stocktake every day for ten weeks, each its own override
    const policy = JSON.parse(readFileSync('policy/routing-policy.json', 'utf8'));
    const closures: Record<string, string> = {};
    for (let i = 0; i < 70; i++) closures[addDays('2029-03-06', i)] = `Stocktake ${i + 1}`;
    policy.queues['it-team'].holidays.closures = closures;

    // Act
    const lines = await startWith(policy);

    // Assess: the 51st override would be on 2029-04-25, so the calendar ends the day before
    expect(lines).toEqual([
      expect.stringMatching(
        /^warning: it-team: public holidays of IT are known only until 2029-04-24; after that the team counts as open on holidays/,
      ),
    ]);
  });
});
