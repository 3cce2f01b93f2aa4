import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// `npm run classify` through its real script: JSON lines in, one JSON line out per line.
describe('npm run classify', () => {
  it('reports the topic confidence next to the language confidence, and keeps going after a bad line', () => {
    // Prepare
    const input = ['{"text":"I want to cancel my booking 1234567897"}', 'not json', '{"text":"hi"}'].join(
      '\n',
    );
    // Act
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'local/cli/classify.ts'], {
      input,
      encoding: 'utf8',
    });
    // Assess
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ topic: 'cancel_booking', bookingRef: '1234567897' });
    expect(lines[0]?.topicConfidence).toEqual(expect.any(Number));
    expect(lines[0]?.confidence).toEqual(expect.any(Number));
    expect(lines[1]).toEqual({ line: 2, error: 'not valid JSON' });
    expect(lines[2]).toMatchObject({ topic: 'general', urgent: false });
  });
});
