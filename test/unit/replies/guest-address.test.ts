import { describe, expect, it } from 'vitest';
import { guestAddress } from '../../../functions/domain/replies/guest-address';
import { takesTextMessages } from '../../../functions/domain/replies/phone-kind';
import { aContact } from '../../integration/builders';

describe('guestAddress', () => {
  it('answers on the channel of the latest contact, to the address it came from', () => {
    // Prepare
    const sms = aContact({
      id: 'sms:1',
      channel: 'sms',
      from: '+33612345678',
      receivedAt: '2026-11-23T10:00:00Z',
    });
    const mail = aContact({
      id: 'email:2',
      channel: 'email',
      from: 'camille@example.fr',
      receivedAt: '2026-11-23T11:00:00Z',
    });

    // Act
    const latest = guestAddress([sms, mail]);
    const asked = guestAddress([sms, mail], 'sms');

    // Assess
    expect(latest).toEqual({
      kind: 'message',
      channel: 'email',
      to: 'camille@example.fr',
      answers: ['email:2'],
      forCall: false,
    });
    expect(asked).toMatchObject({ kind: 'message', channel: 'sms', to: '+33612345678', answers: ['sms:1'] });
  });

  it('refuses a channel the guest never used, and a case without contacts', () => {
    const sms = aContact({ channel: 'sms' });
    expect(guestAddress([sms], 'whatsapp')).toMatchObject({ kind: 'refused', reason: 'channel_not_used' });
    expect(guestAddress([])).toMatchObject({ kind: 'refused', reason: 'no_contact' });
  });

  it('answers a caller by SMS on a mobile number and asks for a call back on a landline', () => {
    // Prepare
    const mobile = aContact({ id: 'voice:CA1', channel: 'voice', from: '+33612345678' });
    const landline = aContact({ id: 'voice:CA2', channel: 'voice', from: '+33142685300' });

    // Act / Assess
    expect(guestAddress([mobile])).toMatchObject({
      kind: 'message',
      channel: 'sms',
      to: '+33612345678',
      forCall: true,
    });
    expect(guestAddress([landline])).toMatchObject({ kind: 'callback', number: '+33142685300' });
  });
});

describe('takesTextMessages', () => {
  it('tells mobiles from fixed lines with the full metadata', () => {
    expect(takesTextMessages('+33612345678')).toBe(true); // French mobile (06)
    expect(takesTextMessages('+4915112345678')).toBe(true); // German mobile (0151)
    expect(takesTextMessages('+14155550123')).toBe(true); // North America: fixed line or mobile
    expect(takesTextMessages('+33142685300')).toBe(false); // Paris fixed line
    expect(takesTextMessages('+442079460000')).toBe(false); // London fixed line
    expect(takesTextMessages('+18005550199')).toBe(false); // toll-free
    expect(takesTextMessages('not a number')).toBe(false);
  });
});
