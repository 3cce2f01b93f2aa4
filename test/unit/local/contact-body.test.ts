import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../functions/domain/errors';
import { parseContactBody } from '../../../local/http/contact-body';

const AT = new Date('2026-11-23T10:00:00.000Z');

describe('parseContactBody: the plain-JSON door builds the contact of its channel', () => {
  it('keeps a call’s keypad entries and a mail’s subject, the mail’s sender unproven', () => {
    const call = parseContactBody(
      { channel: 'voice', from: '+33612345678', bookingRef: '1000000016', pin: '1111' },
      AT,
    );
    const mail = parseContactBody(
      { channel: 'email', from: 'Camille@Example.FR', subject: 'Arrivée', text: 'Bonjour' },
      AT,
    );
    expect(call).toMatchObject({ channel: 'voice', bookingRef: '1000000016', pin: '1111', to: 'local' });
    expect(mail).toMatchObject({
      channel: 'email',
      from: 'camille@example.fr',
      subject: 'Arrivée',
      senderProven: false,
    });
  });

  it('refuses a field the channel does not carry, naming it, instead of dropping it', () => {
    const parse = () =>
      parseContactBody(
        { channel: 'sms', from: '+33612345678', text: 'x', pin: '1111', subject: 'Hello' },
        AT,
      );
    expect(parse).toThrow(ValidationError);
    expect(parse).toThrow(/pin: only voice contacts carry it, not sms/);
    expect(parse).toThrow(/subject: only email contacts carry it, not sms/);
  });
});
