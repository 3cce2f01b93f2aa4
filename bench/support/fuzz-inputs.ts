// fast-check arbitraries of what an attacker or a broken client can send to each door.
import fc from 'fast-check';
import { IVR_STEPS } from '../../functions/domain/ivr';

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '%',
    '+33612345678',
    'whatsapp:+33612345678',
    '1000000016',
    '1234#',
    'x'.repeat(5000),
  ),
);
const phone = fc.oneof(
  fc.constantFrom('+33612345678', '+442079460100', 'anonymous', '+0', 'whatsapp:', 'client:alice', ''),
  fc.stringMatching(/^\+[0-9]{1,16}$/),
  text,
);

/** Twilio webhook form fields: known names with odd values, and unknown names. */
export const twilioForm = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      'MessageSid',
      'SmsMessageSid',
      'AccountSid',
      'From',
      'To',
      'Body',
      'NumMedia',
      'MediaUrl0',
      'WaId',
      'ProfileName',
      'CallSid',
      'Digits',
      'SpeechResult',
      'Confidence',
      'CallStatus',
    ),
    fc.string({ maxLength: 12 }),
  ),
  fc.oneof(text, phone),
  { maxKeys: 12 },
);

const sid = (prefix: string) => fc.stringMatching(/^[0-9a-f]{32}$/).map((hex) => `${prefix}${hex}`);

/** A Twilio message webhook: any fields, or a well-formed message with odd values and extra fields. */
export const twilioMessage = fc.oneof(
  twilioForm,
  fc
    .record({
      MessageSid: sid('SM'),
      From: phone,
      To: phone,
      Body: text,
      NumMedia: fc.constantFrom('0', '1', '-1', 'x'),
    })
    .chain((form) => twilioForm.map((extra) => ({ ...extra, ...form }))),
);

/** A Twilio voice webhook: any fields, or a well-formed call with odd values and extra fields. */
export const twilioCall = fc.oneof(
  twilioForm,
  fc
    .record({ CallSid: sid('CA'), From: phone, To: phone, Digits: text, SpeechResult: text })
    .chain((form) => twilioForm.map((extra) => ({ ...extra, ...form }))),
);

/** A query string for the voice webhook (it carries the IVR step). */
export const voiceQuery = fc.oneof(
  fc.constant(''),
  fc.constantFrom(...IVR_STEPS).map((step) => `step=${step}`),
  fc
    .dictionary(fc.string({ maxLength: 8 }), text, { maxKeys: 3 })
    .map((q) => new URLSearchParams(q).toString()),
);

const header = (name: string, value: fc.Arbitrary<string>) => value.map((v) => `${name}: ${v}`);
const clean = (s: string) => s.replace(/[\r\n]/g, ' ');

/** A raw message: some headers (valid or not), any content type and encoding, a body of any bytes. */
export const mime = fc
  .record({
    headers: fc.array(
      fc.oneof(
        header('From', fc.oneof(fc.emailAddress(), text.map(clean))),
        header('Reply-To', fc.oneof(fc.emailAddress(), text.map(clean))),
        header('Subject', text.map(clean)),
        header(
          'Message-ID',
          fc.oneof(
            fc.emailAddress().map((a) => `<${a}>`),
            text.map(clean),
          ),
        ),
        header('In-Reply-To', text.map(clean)),
        header('References', text.map(clean)),
        header('Auto-Submitted', fc.constantFrom('auto-replied', 'no', 'auto-generated', '')),
        header('Return-Path', fc.constantFrom('<>', '<mailer-daemon@example.com>')),
        header(
          'Content-Type',
          fc.constantFrom(
            'text/plain; charset=utf-8',
            'text/plain; charset=unknown-8bit',
            'text/html',
            'multipart/mixed; boundary=b1',
            'multipart/mixed',
            'multipart/report; report-type=delivery-status; boundary=b1',
            'message/rfc822',
            'application/octet-stream',
            ';;;',
          ),
        ),
        header(
          'Content-Transfer-Encoding',
          fc.constantFrom('base64', 'quoted-printable', '8bit', 'x-uue', ''),
        ),
        fc.string({ maxLength: 60 }).map(clean),
      ),
      { maxLength: 12 },
    ),
    body: fc.oneof(
      text,
      fc.constant('--b1\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b1--\r\n'),
      fc.constant('--b1\r\nContent-Type: text/plain\r\n\r\nno closing boundary\r\n'),
      fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    ),
  })
  .map(({ headers, body }) => Buffer.from(`${headers.join('\r\n')}\r\n\r\n${body}`, 'latin1'));

/** A Connect flow event: the right shape with odd values, or any JSON at all. */
export const connectEvent = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      Name: fc.constant('ContactFlowEvent'),
      Details: fc.record(
        {
          ContactData: fc.record(
            {
              ContactId: fc.oneof(fc.uuid(), text),
              InitialContactId: fc.oneof(fc.uuid(), text),
              Channel: fc.constantFrom('VOICE', 'CHAT', 'TASK', 'x'),
              InitiationMethod: fc.constantFrom('INBOUND', 'TRANSFER', 'CALLBACK', 'API', ''),
              CustomerEndpoint: fc.oneof(
                fc.constant(null),
                fc.record({ Address: phone, Type: fc.constant('TELEPHONE_NUMBER') }),
              ),
              SystemEndpoint: fc.record({
                Address: fc.oneof(fc.constantFrom('+33199001100', '+442079460999'), phone),
              }),
              Attributes: fc.dictionary(
                fc.oneof(
                  fc.constantFrom(
                    'language',
                    'queue',
                    'caseNumber',
                    'bookingRef',
                    'attempts',
                    'topic',
                    'priority',
                  ),
                  fc.string({ maxLength: 8 }),
                ),
                text,
                { maxKeys: 6 },
              ),
            },
            { requiredKeys: [] },
          ),
          Parameters: fc.record(
            {
              step: fc.oneof(fc.constantFrom(...IVR_STEPS), text),
              input: text,
              via: fc.constantFrom('team', 'fallback', 'x'),
            },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  ),
);

/** A body for the plain JSON door: the right shape with odd values (mostly), or any JSON. */
export const jsonContact = fc.oneof(
  { arbitrary: fc.jsonValue(), weight: 1 },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        channel: fc.constantFrom('sms', 'whatsapp', 'email', 'voice', 'fax', ''),
        from: phone,
        to: phone,
        text,
        subject: text,
        languageHint: fc.constantFrom('fr', 'en', 'xx', ''),
        bookingRef: fc.oneof(fc.constant('1000000016'), text),
        pin: text,
        channelMessageId: text,
      },
      { requiredKeys: ['channel', 'from', 'text'] },
    ),
  },
);
