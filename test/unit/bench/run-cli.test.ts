// The benchmark runner's command line (bench/run.ts): what a user sees before any benchmark runs.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], { encoding: 'utf8' });
const BENCHMARKS = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));

describe('npm run bench', () => {
  it('lists every benchmark on --help and runs none', () => {
    // Act
    const result = run('--help');

    // Assess
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('usage: npm run bench -- [name…]');
    for (const name of BENCHMARKS) expect(result.stdout).toContain(`  ${name}\n`);
    expect(result.stdout).not.toContain('===');
  });

  it('fails on a name that matches no benchmark, naming it and listing the benchmarks', () => {
    // Act
    const result = run('routing', 'no-such-bench');

    // Assess
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no benchmark matches "no-such-bench"');
    for (const name of BENCHMARKS) expect(result.stderr).toContain(`  ${name}\n`);
    expect(result.stdout).toBe('');
  });
});
