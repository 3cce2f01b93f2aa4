import { describe, expect, it } from 'vitest';
import { pepperId } from '../../functions/adapters/crypto/pepper-ring';
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

  describe('with a pepper', () => {
    const pepper = async () => 'pepper-0123456789abcdef';
    const peppered = new ScryptPinHasher(undefined, pepper);

    it('verifies with the same pepper only, so a copy of the table alone gives no PIN away', async () => {
      // Prepare
      const stored = await peppered.hash('4821');
      const otherPepper = new ScryptPinHasher(undefined, async () => 'another-pepper-0123456789');
      // Act
      const results = await Promise.all([peppered.verify('4821', stored), peppered.verify('4812', stored)]);
      // Assess: another pepper is a deployment fault, not a wrong PIN (which would count towards a lockout)
      expect(stored).toMatch(/^scrypt-hmac@[\w-]{8}\$8192\$8\$1\$[\w-]+\$[\w-]+$/);
      expect(results).toEqual([true, false]);
      await expect(otherPepper.verify('4821', stored)).rejects.toThrow('no longer holds');
    });

    it('verifies the previous pepper’s hashes during a rotation and hashes new PINs with the current one', async () => {
      // Prepare: a PIN hashed before the rotation, and the same hash as written before pepper ids
      const old = 'pepper-0123456789abcdef';
      const next = 'pepper-fedcba9876543210';
      const before = await new ScryptPinHasher(undefined, async () => old).hash('4821');
      const unlabelled = before.replace(/^scrypt-hmac@[\w-]+/, 'scrypt-hmac');
      const rotating = new ScryptPinHasher(undefined, async () =>
        JSON.stringify({ current: next, previous: old }),
      );
      const rotated = new ScryptPinHasher(undefined, async () => next);
      // Act
      const after = await rotating.hash('1357');
      // Assess
      expect(await rotating.verify('4821', before)).toBe(true);
      expect(await rotating.verify('4821', unlabelled)).toBe(true);
      expect(await rotating.verify('4812', unlabelled)).toBe(false);
      expect(after.split('$')[0]).toBe(`scrypt-hmac@${pepperId(next)}`);
      expect(await rotated.verify('1357', after)).toBe(true);
      await expect(rotated.verify('4821', before)).rejects.toThrow('re-import the bookings');
    });

    it('still verifies the unpeppered hashes stored before the pepper came', async () => {
      const before = await hasher.hash('0000');
      expect(await peppered.verify('0000', before)).toBe(true);
    });

    it('fails loudly, not as a wrong PIN, when a peppered hash meets no pepper or a short one', async () => {
      const stored = await peppered.hash('4821');
      await expect(hasher.verify('4821', stored)).rejects.toThrow('no PIN pepper is configured');
      const short = new ScryptPinHasher(undefined, async () => 'short');
      await expect(short.hash('4821')).rejects.toThrow('at least 16 characters');
    });
  });
});
