import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../functions/domain/contact';
import { standingOf } from '../../../functions/domain/intake/standing';
import type { Identification } from '../../../functions/domain/intake/verify';
import { aBooking, aCustomer } from '../../integration/builders';
import { type ContactFields, contactOf } from '../../support/contacts';

const booking = aBooking({ tier: 'platinum' });
const customer = aCustomer({ tier: 'platinum' });
const contact = (overrides: ContactFields): Contact =>
  contactOf(
    {
      channelMessageId: 'SM1',
      from: '+15550100001',
      to: '+447700900000',
      text: '',
      receivedAt: '2026-11-23T10:00:00.000Z',
    },
    overrides,
  );
const named = (verification: Identification['verification'], pinLocked = false): Identification => ({
  booking,
  bookingRef: booking.reference,
  verification,
  pinLocked,
});

describe('standingOf: what a contact may see and change', () => {
  it.each(['unverified', 'wrong_pin', 'pin_locked'] as const)(
    'treats a %s contact as if it named no booking, and never names a lock',
    (verification) => {
      const standing = standingOf(contact({}), undefined, named(verification, true));
      expect(standing).toMatchObject({ verified: false, pinLocked: false });
      expect(standing.booking).toBeUndefined();
      expect(standing.note).toContain(`booking ${booking.reference} not verified`);
    },
  );

  it('gives the verified owner the booking, and tells them their PIN checks are paused', () => {
    const standing = standingOf(contact({}), customer, named('sender_matches', true));
    expect(standing).toMatchObject({ verified: true, booking, customer, pinLocked: true });
  });

  it.each([
    ['a call (caller id)', { channel: 'voice' as const }],
    ['an email without DMARC', { channel: 'email' as const, senderProven: false }],
  ])('does not let the customer behind %s count', (_what, overrides) => {
    expect(standingOf(contact(overrides), customer, named('unverified')).customer).toBeUndefined();
  });

  it('lets the customer behind a carrier number or a DMARC-proven From count', () => {
    expect(standingOf(contact({}), customer, { verification: 'no_booking', pinLocked: false }).customer).toBe(
      customer,
    );
    const proven = contact({ channel: 'email', from: 'a@example.com', senderProven: true });
    expect(standingOf(proven, customer, { verification: 'no_booking', pinLocked: false }).customer).toBe(
      customer,
    );
  });

  it('still tells anyone a booking number whose check digit is wrong', () => {
    const who: Identification = {
      verification: 'invalid_reference',
      pinLocked: false,
      invalidReference: '1234567890',
    };
    expect(standingOf(contact({}), undefined, who).invalidReference).toBe('1234567890');
  });
});
