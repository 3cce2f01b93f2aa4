import { describe, expect, it } from 'vitest';
import {
  twilioMessengerEnvironment,
  twilioMessengerSettings,
} from '../../../functions/shared/twilio-messenger-settings';
import { ConfigurationError } from '../../../functions/wiring/env-vars';

const token = async () => 'token';
const SID = 'HX0123456789abcdef0123456789abcdef';

describe('twilioMessengerSettings (the sending environment contract)', () => {
  it('reads back what the CDK app writes, with the status callback default', () => {
    // Prepare
    const env = twilioMessengerEnvironment({
      accountSid: 'AC0123456789abcdef0123456789abcdef',
      smsFrom: '+33757000000',
      whatsAppFrom: '+14155238886',
      whatsAppTemplates: { agent_reply: { fr: SID } },
    });
    // Act
    const settings = twilioMessengerSettings(env, token, {
      statusCallbackUrl: 'https://support.example.com/twilio/status',
    });
    // Assess
    expect(settings).toMatchObject({
      accountSid: 'AC0123456789abcdef0123456789abcdef',
      smsFrom: '+33757000000',
      whatsAppFrom: '+14155238886',
      statusCallbackUrl: 'https://support.example.com/twilio/status',
      templates: { agent_reply: { fr: SID } },
      apiBase: undefined,
    });
  });

  it('is off without an account SID', () => {
    expect(twilioMessengerSettings({ TWILIO_SMS_FROM: '+33757000000' }, token)).toBeUndefined();
  });

  it.each([
    [{ TWILIO_ACCOUNT_SID: 'AC123' }, 'TWILIO_ACCOUNT_SID'],
    [{ TWILIO_SMS_FROM: '0757000000' }, 'TWILIO_SMS_FROM'],
    [{ TWILIO_API_BASE: 'not a url' }, 'TWILIO_API_BASE'],
    [{ WHATSAPP_TEMPLATES: '{"survey":{"fr":"x"}}' }, 'WHATSAPP_TEMPLATES.survey.fr'],
  ])('fails loudly at start on %j, naming the variable', (bad, name) => {
    const env = { TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef', ...bad };
    expect(() => twilioMessengerSettings(env, token)).toThrow(ConfigurationError);
    expect(() => twilioMessengerSettings(env, token)).toThrow(name);
  });
});
