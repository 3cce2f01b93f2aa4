// The Twilio Messenger with the real twilio client against a local node:http server standing in for
// api.twilio.com: the form fields and the auth header the server receives, and how Twilio's error
// answers (the JSON of "Twilio API responses": code, message, more_info, status) become domain errors.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TwilioMessenger } from '../../../functions/adapters/twilio/twilio-messenger';
import { DependencyError } from '../../../functions/domain/errors';
import { MessengerRefusal, type OutboundMessage } from '../../../functions/domain/outbound/messenger';
import {
  createdMessage,
  startTwilioApiStandIn,
  type TwilioApiStandIn,
  twilioError,
} from '../../support/twilio-api-stand-in';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'auth-token-0123456789abcdef0123456';
const SMS_FROM = '+33757000000';
const WA_FROM = '+14155238886';
const CALLBACK = 'https://support.example.com/twilio/status';
const CONTENT_SID = 'HX0123456789abcdef0123456789abcdef';
const SID = 'SM1f0e1c2d3b4a59687706f5e4d3c2b1a0';

let api: TwilioApiStandIn;
let token = TOKEN;
let messenger: TwilioMessenger;

beforeAll(async () => {
  api = await startTwilioApiStandIn();
});
afterAll(() => api.close());
beforeEach(() => {
  api.received.length = 0;
  token = TOKEN;
  messenger = new TwilioMessenger({
    accountSid: ACCOUNT,
    authToken: async () => token,
    smsFrom: SMS_FROM,
    whatsAppFrom: WA_FROM,
    statusCallbackUrl: CALLBACK,
    templates: { agent_reply: { fr: CONTENT_SID } },
    apiBase: api.url,
  });
});

const message = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id: 'CR-7K4M2Q:reply:1',
  kind: 'agent_reply',
  caseNumber: 'CR-7K4M2Q',
  channel: 'sms',
  to: '+33612345678',
  language: 'fr',
  text: 'Bonjour Camille, la clé est au coffre, code 4821.',
  automatic: false,
  agentId: 'ana',
  createdAt: '2026-11-23T21:10:00.000Z',
  ...over,
});

const created = (status: string, to: string, from: string) => createdMessage(SID, to, from, status);

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('TwilioMessenger (real twilio client, local stand-in for api.twilio.com)', () => {
  it('posts an SMS as To, From, Body and StatusCallback under the account’s Basic auth', async () => {
    // Prepare
    api.answer(created('queued', '+33612345678', SMS_FROM));
    // Act
    const sent = await messenger.send(message());
    // Assess
    expect(sent).toEqual({ providerMessageId: SID, status: 'queued' });
    const [request] = api.received;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(`/2010-04-01/Accounts/${ACCOUNT}/Messages.json`);
    expect(request?.headers.authorization).toBe(basic(ACCOUNT, TOKEN));
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(request?.form ?? [])).toEqual({
      To: '+33612345678',
      From: SMS_FROM,
      Body: 'Bonjour Camille, la clé est au coffre, code 4821.',
      StatusCallback: CALLBACK,
    });
  });

  it('sends WhatsApp free text between whatsapp: addresses', async () => {
    api.answer(created('queued', 'whatsapp:+33612345678', `whatsapp:${WA_FROM}`));
    await messenger.send(message({ channel: 'whatsapp' }));
    expect(Object.fromEntries(api.received[0]?.form ?? [])).toEqual({
      To: 'whatsapp:+33612345678',
      From: `whatsapp:${WA_FROM}`,
      Body: 'Bonjour Camille, la clé est au coffre, code 4821.',
      StatusCallback: CALLBACK,
    });
  });

  it('sends a WhatsApp template as ContentSid and ContentVariables, without Body', async () => {
    api.answer(created('queued', 'whatsapp:+33612345678', `whatsapp:${WA_FROM}`));
    const variables = { '1': 'CR-7K4M2Q', '2': 'la clé est au coffre' };
    await messenger.send(message({ channel: 'whatsapp', template: { purpose: 'agent_reply', variables } }));
    const form = Object.fromEntries(api.received[0]?.form ?? []);
    expect(form).toEqual({
      To: 'whatsapp:+33612345678',
      From: `whatsapp:${WA_FROM}`,
      ContentSid: CONTENT_SID,
      ContentVariables: JSON.stringify(variables),
      StatusCallback: CALLBACK,
    });
    expect(JSON.parse(form.ContentVariables ?? '')).toEqual(variables);
  });

  it('signs with the new token once the secret is rotated', async () => {
    api.answer(created('queued', '+33612345678', SMS_FROM));
    await messenger.send(message());
    token = 'rotated-token-0123456789abcdef01234';
    await messenger.send(message());
    expect(api.received.map((r) => r.headers.authorization)).toEqual([
      basic(ACCOUNT, TOKEN),
      basic(ACCOUNT, token),
    ]);
  });

  it('refuses, without calling Twilio, a template with none configured, a non-E.164 number, email', async () => {
    const template = { purpose: 'survey' as const, variables: { '1': '5' } };
    const refusals = await Promise.all(
      [
        message({ channel: 'whatsapp', template }),
        message({ to: '0612345678' }),
        message({ channel: 'email', to: 'camille@example.com' }),
      ].map((m) => messenger.send(m).catch((e: unknown) => e)),
    );
    for (const refusal of refusals) expect(refusal).toBeInstanceOf(MessengerRefusal);
    expect((refusals[0] as Error).message).toContain('whatsAppTemplates.survey.fr');
    expect(api.received).toHaveLength(0);
  });
});

describe('TwilioMessenger error mapping (Twilio’s error JSON)', () => {
  async function failure(answer: { status: number; body: unknown }): Promise<DependencyError> {
    api.answer(answer);
    const error = await messenger.send(message()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DependencyError);
    return error as DependencyError;
  }

  it('turns 21610 (unsubscribed recipient) into a refusal that records an opt-out', async () => {
    const error = await failure(twilioError(400, 21610, 'Attempt to send to unsubscribed recipient'));
    expect(error).toBeInstanceOf(MessengerRefusal);
    expect(error).toMatchObject({ optedOut: true, retryable: false });
    expect(error.message).toContain('21610');
  });

  it('turns 21211, 21614 and 63016 into refusals that are not opt-outs', async () => {
    for (const [code, text] of [
      [21211, "The 'To' number 0612345678 is not a valid phone number."],
      [21614, "'To' number is not a valid mobile number"],
      [63016, 'Failed to send freeform message because you are outside the allowed window.'],
    ] as const) {
      const error = await failure(twilioError(400, code, text));
      expect(error, String(code)).toBeInstanceOf(MessengerRefusal);
      expect(error).toMatchObject({ optedOut: false, retryable: false });
      expect(error.message).toContain(String(code));
    }
  });

  it('retries 429 (20429), a 5xx and bad credentials (20003), never as a refusal', async () => {
    for (const answer of [
      twilioError(429, 20429, 'Too Many Requests'),
      twilioError(503, 20500, 'Service Unavailable'),
      { status: 502, body: '<html>Bad Gateway</html>' },
      twilioError(401, 20003, 'Authenticate'),
    ]) {
      const error = await failure(answer);
      expect(error).not.toBeInstanceOf(MessengerRefusal);
      expect(error.retryable, JSON.stringify(answer.body)).toBe(true);
    }
  });

  it('does not retry another rejected request (the same request would be rejected again)', async () => {
    const error = await failure(
      twilioError(400, 21606, "The 'From' phone number is not a valid, SMS-capable inbound phone number"),
    );
    expect(error).not.toBeInstanceOf(MessengerRefusal);
    expect(error.retryable).toBe(false);
  });

  it('retries when Twilio cannot be reached at all', async () => {
    // Prepare: a stand-in that is gone
    const gone = await startTwilioApiStandIn();
    await gone.close();
    const offline = new TwilioMessenger({
      accountSid: ACCOUNT,
      authToken: async () => TOKEN,
      smsFrom: SMS_FROM,
      templates: {},
      apiBase: gone.url,
    });
    // Act
    const error = await offline.send(message()).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(DependencyError);
    expect(error).toMatchObject({ retryable: true });
    expect((error as Error).message).toContain('unreachable');
  });
});
