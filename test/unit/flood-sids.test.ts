import { describe, expect, it } from 'vitest';
import { floodSids } from '../../bench/reliability/flood';

describe('the flood bench messages', () => {
  it('gives each of 2,000 messages its own Twilio-shaped sid, so none is a redelivery of another', () => {
    // Act
    const sids = floodSids(2_000);

    // Assess: a repeated sid is one contact to the intake, counted once on the case
    expect(new Set(sids).size).toBe(2_000);
    expect(sids.every((sid) => /^SM[0-9a-f]{32}$/.test(sid))).toBe(true);
  });
});
