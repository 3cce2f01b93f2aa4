// The two voice doors as an attacker reaches them: Connect through the real flow JSON (flow simulator),
// Twilio Voice through the real Lambda handler with requests signed as Twilio signs them.

import { readFileSync } from 'node:fs';
import type { Context } from 'aws-lambda';
import { twilioSignatureFor } from '../../functions/adapters/twilio/signature';
import type { IntakeDeps } from '../../functions/domain/intake/intake';
import { loadPhoneLines } from '../../functions/domain/ivr/phone-lines-schema';
import { twilioVoiceHandler } from '../../functions/handlers/twilio-voice';
import { localIvrDeps } from '../../local/doors/voice/local-ivr';
import type { IvrHarness } from '../integration/ivr-harness';
import { outboundOver } from '../support/outbound';
import { signedTwilioEvent } from '../support/twilio-lambda-event';

const TOKEN = 'security-voice-token-0123456789ab';
/** Where Twilio posts in these tests (API Gateway with a stage). */
export const VOICE_URL = 'https://sec123.execute-api.eu-west-1.amazonaws.com/prod/twilio/voice';

/** The next step's URL in a TwiML answer (Gather action or Redirect). */
export const actionOf = (twiml: string) => (/action="([^"]+)"/.exec(twiml)?.[1] ?? '').replace(/&amp;/g, '&');

/** Sends one Twilio Voice webhook to a door, signed; answers the status and TwiML. */
export type VoicePost = (
  url: string,
  params: Record<string, string>,
) => Promise<{ status: number; body: string }>;

/** Posts a form to one of the local runtime's Twilio doors, signed with its auth token as Twilio would. */
export async function postSignedForm(token: string, url: string, params: Record<string, string>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignatureFor(token, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: await response.text() };
}

/** The local runtime's Twilio Voice door, signed with its auth token as Twilio would. */
export function runtimeVoiceDoor(token: string): VoicePost {
  return (url, params) => postSignedForm(token, url, params);
}

/** A Twilio Voice door over the bench's intake (or `intake`): `post` sends a request signed as Twilio would. */
export function twilioVoiceDoor(bench: IvrHarness, intake: IntakeDeps = bench.h.deps): VoicePost {
  const lines = loadPhoneLines(JSON.parse(readFileSync('policy/phone-lines.json', 'utf8')));
  const handler = twilioVoiceHandler(() => ({
    ivr: localIvrDeps(intake, bench.h.center, lines, 'twilio', outboundOver(bench.h).deliver),
    authToken: async () => TOKEN,
    workflowSid: 'WW0123456789abcdef0123456789abcdef',
  }));
  return async function post(url: string, params: Record<string, string>) {
    const event = signedTwilioEvent(TOKEN, url, params);
    const out = await handler(event, {} as Context);
    return { status: out.statusCode ?? 0, body: String(out.body) };
  };
}

/** Plays a Twilio call up to the PIN question (stay in the line's language, topic 1, the booking number). */
export async function toPinStep(
  post: VoicePost,
  call: Record<string, string>,
  reference: string,
  url = VOICE_URL,
): Promise<string> {
  const start = await post(url, call);
  const topic = await post(actionOf(start.body), { ...call, Digits: '' });
  const booking = await post(actionOf(topic.body), { ...call, Digits: '1' });
  const pin = await post(actionOf(booking.body), { ...call, Digits: reference });
  return actionOf(pin.body);
}
