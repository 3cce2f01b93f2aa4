import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resplitRisk } from '../../../functions/adapters/twilio/resplit-guard';
import { twilioRequestRefusal, twilioSignatureFor } from '../../../functions/adapters/twilio/signature';
import type { FormParams } from '../../../functions/handlers/http/form';

const TOKEN = 'test-auth-token-0123456789abcdef';
const URL = 'https://support.example.com/twilio/messaging';
const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const SID = 'SM3c8e1b9b6b5a4f0e9d2c1b0a99887766';
const ATTACKER = '+447700900123';
const VICTIM = '+33612345678';

// The parameters of Twilio's documented webhooks ("Twilio's request to your incoming message webhook",
// WhatsApp inbound, message status callbacks, "TwiML Voice: Twilio's request", <Gather> results).
const SMS = {
  AccountSid: ACCOUNT,
  ApiVersion: '2010-04-01',
  Body: 'Hello, is breakfast included?',
  From: ATTACKER,
  FromCity: 'LONDON',
  FromCountry: 'GB',
  FromState: '',
  FromZip: '',
  MessageSid: SID,
  MessagingServiceSid: 'MG0123456789abcdef0123456789abcdef',
  NumMedia: '0',
  NumSegments: '1',
  SmsMessageSid: SID,
  SmsSid: SID,
  SmsStatus: 'received',
  To: '+33757000000',
  ToCity: 'PARIS',
  ToCountry: 'FR',
  ToState: '',
  ToZip: '',
};
const WHATSAPP = {
  AccountSid: ACCOUNT,
  ApiVersion: '2010-04-01',
  Body: 'Bonjour',
  ChannelMetadata: '{"type":"whatsapp","data":{"context":{"ProfileName":"Camille","WaId":"33612345678"}}}',
  From: `whatsapp:${VICTIM}`,
  MessageSid: SID,
  MessageType: 'text',
  NumMedia: '0',
  NumSegments: '1',
  ProfileName: 'Camille',
  ReferralNumMedia: '0',
  SmsMessageSid: SID,
  SmsSid: SID,
  SmsStatus: 'received',
  To: 'whatsapp:+33757000000',
  WaId: '33612345678',
};
const WHATSAPP_STATUS = {
  AccountSid: ACCOUNT,
  ApiVersion: '2010-04-01',
  ChannelInstallSid: 'XE0123456789abcdef0123456789abcdef',
  ChannelPrefix: 'whatsapp',
  ChannelToAddress: VICTIM,
  EventType: 'DELIVERED',
  From: 'whatsapp:+33757000000',
  MessageSid: SID,
  MessageStatus: 'delivered',
  SmsSid: SID,
  SmsStatus: 'delivered',
  To: `whatsapp:${VICTIM}`,
};
const SMS_STATUS = {
  AccountSid: ACCOUNT,
  ApiVersion: '2010-04-01',
  From: '+33757000000',
  MessageSid: SID,
  MessageStatus: 'undelivered',
  ErrorCode: '30003',
  RawDlrDoneDate: '2611231022',
  SmsSid: SID,
  SmsStatus: 'undelivered',
  To: VICTIM,
};
const VOICE = {
  AccountSid: ACCOUNT,
  ApiVersion: '2010-04-01',
  CallSid: 'CA0123456789abcdef0123456789abcdef',
  CallStatus: 'ringing',
  CallToken: '%7B%22parentCallInfoToken%22%3A%22eyJhbGciOiJFUzI1NiJ9%22%7D',
  Called: '+33199001100',
  CalledCountry: 'FR',
  Caller: VICTIM,
  CallerCountry: 'FR',
  CallerName: 'CAMILLE MARTIN',
  Direction: 'inbound',
  ForwardedFrom: '+33145000000',
  From: VICTIM,
  FromCountry: 'FR',
  StirVerstat: 'TN-Validation-Passed-A',
  To: '+33199001100',
  ToCountry: 'FR',
};
const GATHER = {
  ...VOICE,
  CallStatus: 'in-progress',
  Confidence: '0.92',
  Digits: '1234',
  FinishedOnKey: '#',
  SpeechResult: 'I would like to change my booking',
  msg: 'Gather End',
};

function refusalOf(params: FormParams, signedAs: FormParams = params, url = URL) {
  return twilioRequestRefusal(TOKEN, { url, params, signature: twilioSignatureFor(TOKEN, url, signedAs) });
}

describe('Twilio signatures that fit more than one reading', () => {
  it('accepts the real webhooks of SMS, WhatsApp, status callbacks, calls and gathers, with new fields too', () => {
    for (const params of [SMS, WHATSAPP, WHATSAPP_STATUS, SMS_STATUS, VOICE, GATHER]) {
      expect(refusalOf(params)).toBeUndefined();
      expect(
        refusalOf({ ...params, ChannelData: 'x', AddOns: '{"status":"successful"}', ZNewField: VICTIM }),
      ).toBeUndefined();
    }
  });

  it('refuses the re-split that gives the victim From an attacker signature covers', () => {
    // Prepare: the attacker texts us from their own phone; Twilio signs what it sends
    const genuine = { ...SMS, Body: `hiFrom${VICTIM}FromZZ` };
    const { FromCity, FromCountry, FromState, FromZip, ...rest } = SMS;
    const forged = {
      ...rest,
      Body: 'hi',
      From: VICTIM,
      FromZZ: `From${ATTACKER}FromCity${FromCity}FromCountry${FromCountry}FromState${FromState}FromZip${FromZip}`,
    };
    // Assess: the signature really covers both readings, and the door refuses the forged one
    expect(twilioSignatureFor(TOKEN, URL, forged)).toBe(twilioSignatureFor(TOKEN, URL, genuine));
    expect(refusalOf(forged, genuine)).toMatch(/From also appears in the value of FromZZ/);
  });

  it('refuses a re-split whose new name ends with From, and one that drops the real From', () => {
    const genuine = { ...SMS, Body: `hiFrom${VICTIM}FromA` };
    const forged = { ...SMS, Body: 'hi', From: VICTIM, FromAFrom: ATTACKER };
    expect(twilioSignatureFor(TOKEN, URL, forged)).toBe(twilioSignatureFor(TOKEN, URL, genuine));
    expect(refusalOf(forged, genuine)).toMatch(/inside the name FromAFrom/);
    const { From: _dropped, ...withoutFrom } = SMS;
    expect(resplitRisk({ ...withoutFrom, Body: `x`, Bodyx: `From${ATTACKER}` })).toMatch(/value of Bodyx/);
  });

  it('refuses moving the signed URL tail into the first name (the IVR keeps its state in the query)', () => {
    // Prepare: Twilio signed ?priority=10 followed by AccountSid…; the forger ends the URL one digit early
    const genuineUrl = `${URL}?step=waiting&priority=10`;
    const { AccountSid, ...rest } = VOICE;
    const forged = { ...rest, '0AccountSid': AccountSid };
    const signature = twilioSignatureFor(TOKEN, genuineUrl, VOICE);
    // Assess
    expect(twilioSignatureFor(TOKEN, `${URL}?step=waiting&priority=1`, forged)).toBe(signature);
    expect(
      twilioRequestRefusal(TOKEN, { url: `${URL}?step=waiting&priority=1`, params: forged, signature }),
    ).toMatch(/first parameter "0AccountSid" holds the name AccountSid/);
  });

  it('signs a repeated key as Twilio does, every value, and refuses a repeated From', () => {
    const params = { ...SMS, 'MessagingBinding.Address': ['+33612345678', '+18005550100'] };
    expect(refusalOf(params)).toBeUndefined();
    // Dropping a value, as reading only the first did, breaks the signature
    expect(refusalOf({ ...SMS, 'MessagingBinding.Address': '+33612345678' }, params)).toMatch(
      /does not match/,
    );
    expect(refusalOf({ ...SMS, From: [ATTACKER, VICTIM] })).toBe(
      'X-Twilio-Signature also fits other parameters than these: From is repeated',
    );
  });

  it('costs a person only a body naming an identity field glued to a whole number', () => {
    expect(
      resplitRisk({ ...SMS, Body: 'From +33 6 12 34 56 78, To Paris, Tomorrow, CallSid?' }),
    ).toBeUndefined();
    expect(resplitRisk({ ...SMS, Body: `My number changed, From${VICTIM}` })).toMatch(/From also appears/);
  });

  it('accepts any body, name and value that holds no identity field name', () => {
    const noIdentity = (s: string) => !/From|To|CallSid|MessageSid|SmsSid/.test(s);
    fc.assert(
      fc.property(
        fc.string().filter(noIdentity),
        fc.dictionary(fc.string({ minLength: 1 }).filter(noIdentity), fc.string().filter(noIdentity)),
        (body, extra) => {
          expect(resplitRisk({ ...SMS, ...extra, Body: body, AccountSid: ACCOUNT })).toBeUndefined();
        },
      ),
    );
  });

  it('never throws, whatever the parameters', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }))),
        (params) => {
          const risk = resplitRisk(params);
          expect(risk === undefined || typeof risk === 'string').toBe(true);
        },
      ),
    );
  });
});
