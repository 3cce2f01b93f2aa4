import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import { intake } from '../../functions/domain/intake/intake';
import { aContact, type IntakeHarness, startIntakeHarness } from '../support/intake-harness';
import { CAMILLE, JONAS, NOW, seedGuests } from './intake-guests';

describe('intake over DynamoDB: who the sender is, and what they may learn', () => {
  let h: IntakeHarness;

  beforeAll(async () => {
    h = await startIntakeHarness(NOW);
    await seedGuests(h);
  });
  afterAll(() => h.db.stop());

  it('discloses nothing about a booking to a sender who is not its guest', async () => {
    const result = await intake(
      h.deps,
      aContact({ from: '+19995550100', text: `what is the status of ${CAMILLE}?`, languageHint: 'en' }),
    );
    expect(result.record.verification).toBe('unverified');
    expect(result.record.reply?.disclosedBooking).toBe(false);
    expect(result.record.reply?.text).not.toMatch(/Lumière|confirmed|2026-11-2/);
  });

  it('never trusts caller id on a call: the PIN is what verifies', async () => {
    const noPin = await intake(h.deps, aContact({ channel: 'voice', bookingRef: CAMILLE }));
    expect(noPin.record.verification).toBe('unverified');
    const withPin = await intake(h.deps, aContact({ channel: 'voice', bookingRef: CAMILLE, pin: '1111' }));
    expect(withPin.record.verification).toBe('pin');
    expect(withPin.record.reply?.disclosedBooking).toBe(true);
  });

  it('locks the PIN check for an hour after five wrong PINs, then accepts the right one again', async () => {
    const call = (pin: string) =>
      intake(h.deps, aContact({ channel: 'voice', from: '+4930123456', bookingRef: JONAS, pin }));
    for (let i = 0; i < 5; i++) expect((await call('0000')).record.verification).toBe('wrong_pin');
    const locked = await call('1111');
    expect(locked.record.verification).toBe('pin_locked');
    expect(locked.record.reply?.disclosedBooking).toBe(false);
    h.clock.advanceMinutes(61);
    expect((await call('1111')).record.verification).toBe('pin');
    h.clock.current = NOW;
  });

  it('records a contact with a mistyped booking number and tells the sender the number is not valid', async () => {
    const wrong = `${CAMILLE.slice(0, 9)}${(Number(CAMILLE[9]) + 1) % 10}`;
    const result = await intake(
      h.deps,
      aContact({ channel: 'voice', text: '', bookingRef: wrong, languageHint: 'en' }),
    );
    expect(result.record.verification).toBe('invalid_reference');
    expect(result.record.reply?.text).toContain(`booking number ${wrong} is not valid`);
    expect(await h.cases.getContact(result.record.id)).toBeDefined();
  });

  it('answers an unknown booking with the same plain acknowledgement as an unverified one', async () => {
    const plainAck =
      /^We have received your message\. Your case number is CR-[0-9A-Z]{6}\. Our team will reply within about [\w ]+\.$/;
    const unknown = makeBookingReference('399999999');
    const a = await intake(
      h.deps,
      aContact({ from: '+19995550101', text: `booking ${unknown}`, languageHint: 'en' }),
    );
    const b = await intake(
      h.deps,
      aContact({ from: '+19995550103', text: `booking ${CAMILLE}`, languageHint: 'en' }),
    );
    expect([a.record.verification, b.record.verification]).toEqual(['unknown_booking', 'unverified']);
    expect(a.record.reply?.text).toMatch(plainAck);
    expect(b.record.reply?.text).toMatch(plainAck);
  });

  it('routes and answers a stranger naming a gold stay checking in today as one naming an unknown booking', async () => {
    const naming = await intake(
      h.deps,
      aContact({ from: '+19995550104', text: `can I add breakfast? booking ${CAMILLE}`, languageHint: 'en' }),
    );
    const none = await intake(
      h.deps,
      aContact({
        from: '+19995550105',
        text: `can I add breakfast? booking ${makeBookingReference('399999998')}`,
        languageHint: 'en',
      }),
    );
    // An unverified claim lifts nothing: priority and queue rise only after verification.
    expect(naming.record.decision.priority).toBe(none.record.decision.priority);
    expect(naming.record.decision.queue).toBe(none.record.decision.queue);
    const namingCase = await h.cases.getCase(naming.record.caseNumber);
    expect(namingCase).toMatchObject({ priority: none.record.decision.priority, bookingRef: CAMILLE });
    expect(naming.record.reply?.text.replace(/CR-\w+/, '')).toBe(
      none.record.reply?.text.replace(/CR-\w+/, ''),
    );
  });
});
