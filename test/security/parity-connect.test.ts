// The Connect IVR (the real flow JSON in the flow simulator, the real IVR Lambda handler) says the
// same words, and queues at the same priority, for a real, a locked and an unknown booking number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import { MAX_PIN_FAILURES, PIN_LOCK_MINUTES } from '../../functions/domain/intake/verify';
import { type IvrHarness, LINES, startIvrHarness } from '../integration/ivr-harness';

/** Jonas: platinum, in stay since yesterday. */
const REAL = makeBookingReference('100000002');
/** Camille: gold, checking in today; locked before the calls. */
const LOCKED = makeBookingReference('100000001');
const UNKNOWN = makeBookingReference('199999999');

let bench: IvrHarness;
beforeAll(async () => {
  bench = await startIvrHarness();
  // Prepare: five wrong PINs claimed on Camille's booking, as a guesser leaves it
  const limits = { maxFailures: MAX_PIN_FAILURES, lockMinutes: PIN_LOCK_MINUTES };
  for (let i = 0; i < MAX_PIN_FAILURES; i++)
    await bench.h.deps.bookings.claimPinAttempt(LOCKED, bench.h.clock.now(), limits);
});
afterAll(async () => bench.stop());

let callers = 0;
/** A call on the UK line about `reference`, answering the PIN questions with `pins` (silence after). */
async function call(reference: string, pins: readonly (string | undefined)[]) {
  callers++;
  const result = await bench.call(LINES.en, `+1555030000${callers}`, [
    undefined,
    '1',
    `${reference}#`,
    ...pins,
  ]);
  // The case number is the call's own; everything else must not depend on the booking.
  const heard = result.heard.map((t) => t.replace(/case number is [A-Z0-9 ]+\./, 'case number is ….'));
  return { heard, end: result.end, priority: result.attributes.priority, queue: result.attributes.queue };
}

describe('Connect IVR parity of real, locked and unknown bookings', () => {
  it.each([
    ['three wrong PINs', ['0000', '0001', '0002']],
    ['no PIN at all (silence)', []],
    ['the locked booking’s right PIN', ['1111']],
  ])('says the same and queues alike after %s', async (_what, pins) => {
    // Act
    const real = await call(REAL, pins);
    const locked = await call(LOCKED, pins);
    const unknown = await call(UNKNOWN, pins);

    // Assess: word for word, and the same queue, priority and spoken wait
    expect(real).toEqual(unknown);
    expect(locked).toEqual(unknown);
    expect(unknown.end.kind).toBe('queue');
    expect(unknown.heard.join(' ')).not.toMatch(/Alpenhof|Lumière|paused/);
  });

  it('lets silence at the PIN count against the booking, so it cannot be repeated without limit', async () => {
    // Prepare: a booking nobody has tried yet (Emily's)
    const emily = makeBookingReference('100000003');

    // Act: two silent calls (three silent PIN questions each), then the right PIN
    await call(emily, []);
    await call(emily, []);
    const right = await bench.call(LINES.en, '+15550399999', [undefined, '1', `${emily}#`, '3333']);

    // Assess: six silences used up the five attempts: the right PIN is not read out now
    expect(right.heard.join(' ')).not.toContain('Harbour View');
    expect(right.attributes.verified).toBe('false');
  });
});
