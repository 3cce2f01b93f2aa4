// Shared by the pin-races-*.test.ts files: 100 PIN guesses in flight at once, as an attacker fires
// them, through the intake and each voice door. Once five wrong PINs are claimed nothing verifies, and
// no more than five wrong PINs are ever checked between two right ones.
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import { intake } from '../../functions/domain/intake/intake';
import { type IvrHarness, LINES, startIvrHarness } from '../integration/ivr-harness';
import { aContact } from '../support/intake-harness';
import { toPinStep, twilioVoiceDoor } from './voice-doors';

const PIN = '4321';
const GUESSES = 100;
const WRONG = (i: number) => String(5000 + i).padStart(4, '0');

let bench: IvrHarness;
let checks: MockInstance;
let next = 0;
// 100 whole calls through one dynalite take a while on a busy machine.
const SLOW = { timeout: 90_000 };

/** A fresh platinum booking checked in today, with PIN 4321. */
async function freshBooking(): Promise<string> {
  next++;
  const reference = makeBookingReference(String(250_000_000 + next));
  await bench.h.seed([
    {
      reference,
      pin: PIN,
      status: 'confirmed',
      checkIn: '2026-11-23',
      checkOut: '2026-11-27',
      propertyName: 'Race Court Hotel',
      propertyTimeZone: 'Europe/London',
      guestName: 'Rae Smith',
      phone: `+4477009${String(10_000 + next)}`,
      language: 'en',
      tier: 'platinum',
    },
  ]);
  return reference;
}

/** How many wrong (and right) PINs the hasher checked against this booking's reference since `from`. */
function checked(from: number): { wrong: number; right: number } {
  const pins = checks.mock.calls.slice(from).map((args) => String(args[0]));
  return { wrong: pins.filter((p) => p !== PIN).length, right: pins.filter((p) => p === PIN).length };
}

/** A shuffled batch: `right` right PINs among wrong ones. */
function mixed(right: number): string[] {
  const pins = Array.from({ length: GUESSES }, (_, i) => (i < right ? PIN : WRONG(i)));
  return pins.sort(() => Math.random() - 0.5);
}

/**
 * A door's way of trying one PIN: the call or message is brought up to the PIN, waits there until
 * `together` resolves (every attempt of the batch has arrived), then gives it. True when the door read
 * the booking's status out (verified).
 */
export type Attempt = (
  reference: string,
  pin: string,
  i: number,
  together: () => Promise<void>,
) => Promise<boolean>;

/** Resolves for everyone once `n` attempts have arrived. */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return () => {
    arrived++;
    if (arrived >= n) open();
    return opened;
  };
}

/** One contact with a PIN through the intake (what the JSON door does). */
export const byIntake = (): Attempt => async (reference, pin, _i, together) => {
  await together();
  const result = await intake(
    bench.h.deps,
    aContact({ channel: 'voice', from: '+15550009999', text: '', bookingRef: reference, pin }),
  );
  return result.record.reply?.disclosedBooking === true;
};

/** One whole call through the main flow on the Connect IVR, held at the PIN question. */
export const byConnect = (): Attempt => async (reference, pin, i, together) => {
  const call = await bench.call(LINES.en, `+1555100${String(i).padStart(4, '0')}`, [
    undefined,
    '1',
    `${reference}#`,
    () => together().then(() => pin),
  ]);
  return call.heard.some((t) => t.includes('Race Court Hotel'));
};

/** One Twilio call played to the PIN question with signed webhooks, held there, then answered. */
export function byTwilio(): Attempt {
  const post = twilioVoiceDoor(bench);
  return async (reference, pin, i, together) => {
    const call = { CallSid: `CArace${reference}${i}`, From: '+15550008888', To: LINES.en };
    const pinStep = await toPinStep(post, call, reference);
    await together();
    return (await post(pinStep, { ...call, Digits: pin })).body.includes('Race Court Hotel');
  };
}

/** The race tests for one door, over a bench of its own. */
export function pinRaces(door: string, make: () => Attempt): void {
  describe(`PIN guesses in flight together through ${door}`, () => {
    let attempt: Attempt;
    beforeAll(async () => {
      bench = await startIvrHarness();
      checks = vi.spyOn(bench.h.deps.pinHasher, 'verify');
      attempt = make();
    });
    afterAll(async () => bench.stop());

    const batch = async (reference: string, pins: readonly string[]) => {
      const together = barrier(pins.length);
      const told = await Promise.all(pins.map((pin, i) => attempt(reference, pin, i, together)));
      // The flow simulator gives up on a Lambda after 8 s, as Connect does; the Lambda still runs on.
      await bench.settled();
      return told;
    };

    it('verifies no right PIN once five wrong ones are claimed, and checks none of them', SLOW, async () => {
      // Prepare: five wrong PINs, one after the other
      const reference = await freshBooking();
      for (let i = 0; i < 5; i++) await batch(reference, [WRONG(i)]);
      const from = checks.mock.calls.length;

      // Act: 100 right PINs at once
      const told = await batch(reference, Array(GUESSES).fill(PIN));

      // Assess
      expect(told.filter(Boolean)).toHaveLength(0);
      expect(checked(from)).toEqual({ wrong: 0, right: 0 });
    });

    it('checks at most five wrong PINs between two right ones in a mixed batch of 100', SLOW, async () => {
      // Prepare
      const reference = await freshBooking();
      const from = checks.mock.calls.length;

      // Act: 97 wrong and 3 right PINs in random order, all at once
      await batch(reference, mixed(3));

      // Assess: a right PIN that is checked verifies and releases the claims, so five more may follow it
      const { wrong, right } = checked(from);
      expect(wrong).toBeGreaterThanOrEqual(5);
      expect(wrong).toBeLessThanOrEqual(5 * (1 + right));
    });
  });
}
