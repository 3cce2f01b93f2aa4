import { describe, expect, it } from 'vitest';
import { TwilioMessenger } from '../../../functions/adapters/twilio/twilio-messenger';
import { ConfigError } from '../../../local/config';
import { localTwilioMessenger } from '../../../local/twilio-messenger';

const SID = 'AC0123456789abcdef0123456789abcdef';

describe('localTwilioMessenger (npm start sending through Twilio)', () => {
  it('keeps SMS and WhatsApp in the outbox without a Twilio account', () => {
    expect(localTwilioMessenger({ TWILIO_AUTH_TOKEN: 'token' })).toBeUndefined();
  });

  it('sends through Twilio with an account SID and the account’s auth token', () => {
    expect(localTwilioMessenger({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: 'token' })).toBeInstanceOf(
      TwilioMessenger,
    );
  });

  it('stops start-up with one line naming what is missing or malformed', () => {
    expect(() => localTwilioMessenger({ TWILIO_ACCOUNT_SID: SID })).toThrow(ConfigError);
    expect(() => localTwilioMessenger({ TWILIO_ACCOUNT_SID: SID })).toThrow('TWILIO_AUTH_TOKEN');
    expect(() =>
      localTwilioMessenger({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: 't', TWILIO_WHATSAPP_FROM: 'x' }),
    ).toThrow(new ConfigError('TWILIO_WHATSAPP_FROM: expected an E.164 number, e.g. +33757000000'));
  });
});
