import { describe, expect, it } from 'vitest';
import { ScryptPinHasher } from '../../functions/adapters/crypto/scrypt-pin-hasher';

// Lives with the integration tests: it runs the real KDF, no mocks.
describe('ScryptPinHasher', () => {
  const hasher = new ScryptPinHasher();

  it('accepts the right PIN and refuses a wrong one', async () => {
    // Prepare
    const stored = await hasher.hash('4821');

    // Act
    const results = await Promise.all([hasher.verify('4821', stored), hasher.verify('4812', stored)]);

    // Assess
    expect(results).toEqual([true, false]);
  });

  it('stores neither the PIN nor the same hash twice', async () => {
    // Act
    const [a, b] = await Promise.all([hasher.hash('4821'), hasher.hash('4821')]);

    // Assess
    expect(a).toMatch(/^scrypt\$8192\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toContain('4821');
    expect(a).not.toBe(b);
  });

  it('still verifies hashes made with an older, cheaper cost', async () => {
    // Prepare
    const stored = await new ScryptPinHasher({ N: 2 ** 10, r: 8, p: 1 }).hash('0000');

    // Act
    const ok = await hasher.verify('0000', stored);

    // Assess
    expect(ok).toBe(true);
  });

  it('refuses anything that is not one of its hashes instead of throwing', async () => {
    // Act
    const results = await Promise.all(
      [
        '',
        'plain-1234',
        'scrypt$3$8$1$c2FsdA$aGFzaA',
        'scrypt$1073741824$8$1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA',
      ].map((stored) => hasher.verify('1234', stored)),
    );

    // Assess
    expect(results).toEqual([false, false, false, false]);
  });
});
