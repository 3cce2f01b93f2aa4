// While a queue sheds, a stranger naming a booking learns nothing from the answer: one naming a booking
// a critical incident affects (whose verified guest is never shed), one naming an ordinary booking and
// one naming no booking that exists all get the same shed answer, expected time included, through the
// runtime's real, signed SMS door.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import { CATALOGUE } from '../../functions/domain/i18n/catalogue';
import { GUESTS, type IncidentRuntime, startIncidentRuntime } from '../support/incident-runtime';

const [, affected, ordinary] = GUESTS as [(typeof GUESTS)[0], (typeof GUESTS)[0], (typeof GUESTS)[0]];
const NONEXISTENT = makeBookingReference('799999999');
// The shipped policy sheds the English team past 50 waiting cases.
const PAST_THRESHOLD = 51;
// CachedQueueLoad's copy is at most this old: waiting longer makes the next contact read afresh.
const CACHE_MS = 5_000;
const withoutCase = (text: string) => text.replace(/CR-[0-9A-Z]{6}/g, 'CR-######');

describe('load shedding parity for unverified senders at the SMS door', () => {
  let rt: IncidentRuntime;

  beforeAll(async () => {
    rt = await startIncidentRuntime();
    await rt.declareCritical('Strike', affected.ref, 'The airport is closed.');
    // Fill the English team's queue past its threshold, five senders at a time.
    for (let i = 0; i < PAST_THRESHOLD; i += 5)
      await Promise.all(
        Array.from({ length: Math.min(5, PAST_THRESHOLD - i) }, (_, j) =>
          rt.sms(`+4477009${String(i + j).padStart(5, '0')}`, 'Can I add breakfast to my stay?'),
        ),
      );
    await sleep(CACHE_MS + 200);
  }, 120_000);
  afterAll(async () => {
    await rt.close();
  });

  const routing = (twiml: string) => rt.routingOf(twiml);

  it('answers strangers naming an affected, an ordinary and a nonexistent booking alike, all shed', async () => {
    // Act: three strangers together (one reading of the queue's count serves all three)
    const [onAffected, onOrdinary, onNothing] = await Promise.all([
      rt.sms('+447700900201', `Hello, what about booking ${affected.ref}?`),
      rt.sms('+447700900202', `Hello, what about booking ${ordinary.ref}?`),
      rt.sms('+447700900203', `Hello, what about booking ${NONEXISTENT}?`),
    ]);

    // Assess: the same words, expected time included, the same queue and priority
    expect(onAffected).toContain(CATALOGUE.en.busyAnswerByMessage);
    expect(onAffected).not.toContain('airport');
    expect(withoutCase(onAffected)).toBe(withoutCase(onOrdinary));
    expect(withoutCase(onAffected)).toBe(withoutCase(onNothing));
    const routed = await routing(onAffected);
    expect(await routing(onOrdinary)).toEqual(routed);
    expect(await routing(onNothing)).toEqual(routed);
  });

  it('does not shed the verified guest of the affected booking, writing from its phone', async () => {
    // Act
    const answer = await rt.sms(affected.phone, `Hello, what about booking ${affected.ref}?`);

    // Assess: verified, the booking does change the answer (so the strangers' sameness is a real contrast)
    expect(answer).toContain('The airport is closed.');
    expect(answer).not.toContain(CATALOGUE.en.busyAnswerByMessage);
    expect(await routing(answer)).toMatchObject({ priority: 1 });
  });
});
