// The local runtime sending SMS and WhatsApp through the Twilio messenger to a local stand-in for
// api.twilio.com (TWILIO_API_BASE), with the status callback door on its doors port: the whole
// outbound loop of one message, offline.
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import type { OutboundMessage } from '../../functions/domain/outbound/messenger';
import { readConfig } from '../../local/config';
import { STATUS_PATH } from '../../local/doors/status-door';
import { type Runtime, startRuntime } from '../../local/runtime';
import { formBody } from './status-callbacks';
import { startTwilioApiStandIn, type TwilioApiStandIn } from './twilio-api-stand-in';

/** The account, token and senders the runtime is started with. */
export const TWILIO = {
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  authToken: 'local-account-token-0123456789abcdef',
  smsFrom: '+33757000000',
  whatsAppFrom: '+14155238886',
  statusCallback: 'https://support.example.com/twilio/status',
} as const;

/** A running runtime wired to a Twilio stand-in. */
export interface TwilioRuntime {
  readonly runtime: Runtime;
  readonly api: TwilioApiStandIn;
  /** The doors' status callback URL (what a test posts to and signs). */
  readonly statusUrl: string;
  /** Posts form parameters to the status door with this signature (none: unsigned). */
  postStatus(
    params: Readonly<Record<string, string | readonly string[]>>,
    signature: string | undefined,
  ): Promise<{ status: number; body: string }>;
  /** The signature Twilio would send for these parameters on `url` (default the status door). */
  sign(params: Readonly<Record<string, string | readonly string[]>>, url?: string): string;
  close(): Promise<void>;
}

/** A message for the demo guest Camille, on `channel`. */
export function messageTo(id: string, channel: 'sms' | 'whatsapp' = 'sms'): OutboundMessage {
  return {
    id,
    kind: 'agent_reply',
    caseNumber: 'CR-7K4M2Q',
    channel,
    to: '+33612345678',
    language: 'fr',
    text: 'Bonjour Camille, la clé est au coffre, code 4821.',
    automatic: false,
    agentId: 'ana',
    createdAt: '2026-11-23T21:10:00.000Z',
  };
}

const ENV = {
  TWILIO_ACCOUNT_SID: TWILIO.accountSid,
  TWILIO_AUTH_TOKEN: TWILIO.authToken,
  TWILIO_SMS_FROM: TWILIO.smsFrom,
  TWILIO_WHATSAPP_FROM: TWILIO.whatsAppFrom,
  TWILIO_STATUS_CALLBACK_URL: TWILIO.statusCallback,
};

/** Starts the stand-in, then the runtime with the Twilio settings pointing at it (restored on close). */
export async function startTwilioRuntime(now: string): Promise<TwilioRuntime> {
  const api = await startTwilioApiStandIn();
  const saved = Object.fromEntries([...Object.keys(ENV), 'TWILIO_API_BASE'].map((k) => [k, process.env[k]]));
  Object.assign(process.env, ENV, { TWILIO_API_BASE: api.url });
  const runtime = await startRuntime({
    ...readConfig({ PORT: '0', CONTACT_ROUTER_NOW: now }),
    dataDir: 'memory',
  });
  const statusUrl = `${runtime.doorsUrl}${STATUS_PATH}`;
  const sign: TwilioRuntime['sign'] = (params, url = statusUrl) =>
    getExpectedTwilioSignature(TWILIO.authToken, url, params as Record<string, string | string[]>);
  return {
    runtime,
    api,
    statusUrl,
    sign,
    async postStatus(params, signature) {
      const response = await fetch(statusUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(signature === undefined ? {} : { 'x-twilio-signature': signature }),
        },
        body: formBody(params),
      });
      return { status: response.status, body: await response.text() };
    },
    async close() {
      await runtime.close();
      await api.close();
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    },
  };
}
