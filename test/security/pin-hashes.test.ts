// A wrong PIN on a real booking and any PIN on an unknown one cost the same scrypt work, counted at
// node:crypto itself, through the local runtime's Twilio Voice door. (How long that work takes is
// measured by `npm run bench`, never asserted here.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import { readConfig } from '../../local/config';
import { type Runtime, startRuntime } from '../../local/runtime';
import { localTwilioAuthToken } from '../../local/twilio-token';
import { runtimeVoiceDoor, toPinStep, type VoicePost } from './voice-doors';

const derivations = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  const scrypt = ((...args: Parameters<typeof actual.scrypt>) => {
    derivations.count++;
    return (actual.scrypt as (...a: unknown[]) => void)(...args);
  }) as typeof actual.scrypt;
  return { ...actual, default: { ...actual, scrypt }, scrypt };
});

const REAL = makeBookingReference('100000002');
const UNKNOWN = makeBookingReference('199999999');

describe('PIN hashing work for real and unknown booking numbers', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'contact-router-hashes-'));
  let runtime: Runtime;
  let post: VoicePost;
  let calls = 0;

  beforeAll(async () => {
    runtime = await startRuntime(
      readConfig({ PORT: '0', DATA_DIR: dataDir, CONTACT_ROUTER_NOW: '2026-11-23T10:00:00.000Z' }),
    );
    post = runtimeVoiceDoor(localTwilioAuthToken(dataDir, {}));
  });
  afterAll(async () => {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** scrypt derivations done while answering one PIN for `reference` on a call already at the PIN step. */
  async function derivationsFor(reference: string, pin: string): Promise<number> {
    calls++;
    const call = { CallSid: `CAhash${calls}`, From: '+15550400001', To: '+442079460100' };
    const url = await toPinStep(post, call, reference, `${runtime.doorsUrl}/twilio/voice`);
    const before = derivations.count;
    await post(url, { ...call, Digits: pin });
    return derivations.count - before;
  }

  it('derives once for a wrong PIN on a real booking, once on an unknown one, once for silence', async () => {
    // Act
    const real = await derivationsFor(REAL, '0000');
    const unknown = await derivationsFor(UNKNOWN, '0000');
    const silent = await derivationsFor(UNKNOWN, '');

    // Assess
    expect(real).toBe(1);
    expect(unknown).toBe(real);
    expect(silent).toBe(real);
  });
});
