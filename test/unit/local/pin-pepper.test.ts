import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localPinPepper } from '../../../local/pin-pepper';

describe('localPinPepper', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'pepper-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('generates a pepper once into the data folder and reads the same one after a restart', () => {
    const dir = dataDir();
    const first = localPinPepper(dir, {});
    expect(first.length).toBeGreaterThanOrEqual(16);
    expect(readFileSync(join(dir, 'pin-pepper'), 'utf8').trim()).toBe(first);
    expect(localPinPepper(dir, {})).toBe(first);
  });

  it('takes PIN_PEPPER, a rotation included, over the file', () => {
    const ring = JSON.stringify({ current: 'pepper-bbbbbbbbbbbbbbbb', previous: 'pepper-aaaaaaaaaaaaaaaa' });
    expect(localPinPepper(dataDir(), { PIN_PEPPER: ring })).toBe(ring);
  });

  it('stops the start on a pepper that is no pepper, naming PIN_PEPPER', () => {
    expect(() => localPinPepper(dataDir(), { PIN_PEPPER: 'short' })).toThrow(
      'PIN_PEPPER: the PIN pepper must be at least 16 characters',
    );
    expect(() => localPinPepper(dataDir(), { PIN_PEPPER: '{"current": 1}' })).toThrow(
      'PIN_PEPPER: the PIN pepper secret is JSON',
    );
  });
});
