import { describe, expect, it } from 'vitest';
import { inboundMessageOf, MAX_MESSAGE_CHARS } from '../../../functions/adapters/twilio/inbound-message';
import { ValidationError } from '../../../functions/domain/errors';

const AT = '2026-11-23T21:10:00.000Z';

// Parameter sets as Twilio's messaging webhook documentation lists them.
const SMS = {
  ToCountry: 'FR',
  ToState: '',
  SmsMessageSid: 'SM1f0e1c2d3b4a59687706f5e4d3c2b1a0',
  NumMedia: '0',
  ToCity: '',
  FromZip: '',
  SmsSid: 'SM1f0e1c2d3b4a59687706f5e4d3c2b1a0',
  FromState: '',
  SmsStatus: 'received',
  FromCity: '',
  Body: 'Bonjour, la réception est fermée',
  FromCountry: 'FR',
  To: '+33757000000',
  MessagingServiceSid: 'MG9752274e9e519418a7406176694466fa',
  ToZip: '',
  NumSegments: '1',
  MessageSid: 'SM1f0e1c2d3b4a59687706f5e4d3c2b1a0',
  AccountSid: 'AC0123456789abcdef0123456789abcdef',
  From: '+33612345678',
  ApiVersion: '2010-04-01',
};

const WHATSAPP = {
  SmsMessageSid: 'SMb6f4c1a1e0d94a2c8f0b5e6d7c8a9b01',
  NumMedia: '1',
  ProfileName: 'Camille',
  MessageType: 'image',
  SmsSid: 'SMb6f4c1a1e0d94a2c8f0b5e6d7c8a9b01',
  WaId: '33612345678',
  SmsStatus: 'received',
  Body: 'Voici la photo de la porte fermée',
  To: 'whatsapp:+14155238886',
  MediaContentType0: 'image/jpeg',
  MediaUrl0:
    'https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MMb6f4/Media/ME1',
  NumSegments: '1',
  ReferralNumMedia: '0',
  MessageSid: 'SMb6f4c1a1e0d94a2c8f0b5e6d7c8a9b01',
  AccountSid: 'AC0123456789abcdef0123456789abcdef',
  From: 'whatsapp:+33612345678',
  ApiVersion: '2010-04-01',
};

describe('inboundMessageOf', () => {
  it('reads an SMS into a contact, ignoring the parameters it does not need', () => {
    const { contact, truncated } = inboundMessageOf(SMS, AT);
    expect(contact).toEqual({
      channel: 'sms',
      channelMessageId: 'SM1f0e1c2d3b4a59687706f5e4d3c2b1a0',
      from: '+33612345678',
      to: '+33757000000',
      text: 'Bonjour, la réception est fermée',
      attachments: undefined,
      receivedAt: AT,
    });
    expect(truncated).toBe(false);
  });

  it('reads WhatsApp senders without their prefix and keeps media links and the profile name', () => {
    const { contact } = inboundMessageOf(WHATSAPP, AT);
    expect(contact).toMatchObject({
      channel: 'whatsapp',
      from: '+33612345678',
      to: '+14155238886',
      attachments: [WHATSAPP.MediaUrl0],
      senderName: 'Camille',
    });
  });

  it('keeps a shared WhatsApp location as a geo reference, and a media-only message with no body', () => {
    const { contact } = inboundMessageOf(
      { ...WHATSAPP, Body: '', NumMedia: '0', Latitude: '48.8566', Longitude: '2.3522' },
      AT,
    );
    expect(contact.text).toBe('');
    expect(contact.attachments).toEqual(['geo:48.8566,2.3522']);
  });

  it('keeps at most ten media links, and only https ones', () => {
    const media = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `MediaUrl${i}`,
        i === 3 ? 'javascript:alert(1)' : `https://m/${i}`,
      ]),
    );
    const { contact } = inboundMessageOf({ ...WHATSAPP, NumMedia: '12', ...media }, AT);
    expect(contact.attachments).toHaveLength(9);
    expect(contact.attachments).not.toContain('javascript:alert(1)');
  });

  it('keeps unicode and emoji exactly as sent', () => {
    const body = '酒店超额预订了 😱 номер брони 1000000016 — ça va?';
    expect(inboundMessageOf({ ...SMS, Body: body }, AT).contact.text).toBe(body);
  });

  it('cuts a very long body at the limit and says so', () => {
    const { contact, truncated } = inboundMessageOf({ ...SMS, Body: 'a'.repeat(50_000) }, AT);
    expect(contact.text).toHaveLength(MAX_MESSAGE_CHARS);
    expect(truncated).toBe(true);
  });

  it('falls back to SmsMessageSid when MessageSid is absent (older webhooks)', () => {
    const { MessageSid: _omit, ...older } = SMS;
    expect(inboundMessageOf(older, AT).contact.channelMessageId).toBe(SMS.SmsMessageSid);
  });

  it.each([
    ['MessageSid', { MessageSid: undefined, SmsMessageSid: undefined, SmsSid: undefined }],
    ['MessageSid', { MessageSid: 'SM 1<script>', SmsMessageSid: undefined }],
    ['From', { From: undefined }],
    ['From', { From: 'not-a-number' }],
    ['To', { To: '' }],
  ])('refuses a message without a valid %s, naming the field', (field, change) => {
    const params = Object.fromEntries(
      Object.entries({ ...SMS, ...change }).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    );
    const attempt = () => inboundMessageOf(params, AT);
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(new RegExp(`^${field}: `));
  });

  it('never echoes a malformed phone number into the error (errors reach logs)', () => {
    expect(() => inboundMessageOf({ ...SMS, From: '+33 6 12 34 56 78' }, AT)).toThrow(
      /^From: is not an E\.164 phone number like \+33612345678$/,
    );
  });
});
