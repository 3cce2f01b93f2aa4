// `npm run sms -- --from +33612345678 --body "…"`: sends a correctly signed Twilio messaging webhook
// to the running local runtime (found through its runtime file or port) and prints what the guest would
// receive.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { twilioSignatureFor } from '../../functions/adapters/twilio/signature';
import { readConfig } from '../config';
import { MESSAGING_PATH } from '../doors/messaging-door';
import { readTwilioAuthToken, twilioTokenFile } from '../twilio-token';
import { type FoundRuntime, findRuntime, whereLooked } from './find-runtime';

const USAGE = `usage: npm run sms -- --from +33612345678 --body "text" [--to +12025550143] [--whatsapp]
                    [--name "Profile name"] [--media https://…]... [--sid SM…] [--url <the doors' address, e.g. http://127.0.0.1:3001>]`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

/** A Twilio-shaped message SID: "SM" and 32 hex digits. */
function newSid(): string {
  return `SM${randomBytes(16).toString('hex')}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      to: { type: 'string', default: '+12025550143' },
      body: { type: 'string', default: '' },
      whatsapp: { type: 'boolean', default: false },
      name: { type: 'string' },
      media: { type: 'string', multiple: true, default: [] },
      sid: { type: 'string' },
      url: { type: 'string' },
    },
  });
  if (!values.from) fail('--from is required');
  if (!values.body && values.media.length === 0) fail('--body (or --media) is required');
  const prefix = values.whatsapp ? 'whatsapp:' : '';
  const sid = values.sid ?? newSid();
  const params: Record<string, string> = {
    MessageSid: sid,
    SmsMessageSid: sid,
    AccountSid: 'AC00000000000000000000000000000000',
    From: `${prefix}${values.from}`,
    To: `${prefix}${values.to}`,
    Body: values.body,
    NumMedia: String(values.media.length),
    ...Object.fromEntries(values.media.map((url, i) => [`MediaUrl${i}`, url])),
    ...(values.whatsapp ? { WaId: values.from.replace(/^\+/, ''), ProfileName: values.name ?? 'Guest' } : {}),
  };
  const runtime = await findRuntime();
  if (!runtime && !values.url)
    fail(`cannot find a running runtime (is \`npm start\` running?): ${whereLooked()}`);
  const base = (values.url ?? runtime?.doorsUrl ?? '').replace(/\/$/, '');
  const url = `${base}${MESSAGING_PATH}`;
  const token = signingToken(runtime);
  // The door checks the URL Twilio would call: the tunnel's (PUBLIC_ORIGIN) when the runtime has one.
  const signedUrl = `${runtime?.publicOrigin ?? base}${MESSAGING_PATH}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignatureFor(token, signedUrl, params),
      },
      body: new URLSearchParams(params).toString(),
    });
  } catch (error) {
    fail(`cannot reach ${url} (is \`npm start\` running?): ${(error as Error).message}`);
  }
  const body = await response.text();
  if (response.status === 403) {
    console.error(wrongToken(url, runtime));
    process.exit(1);
  }
  console.log(`${response.status} ${sid}`);
  const message = /<Message>([\s\S]*)<\/Message>/.exec(body)?.[1];
  console.log(message ? decodeXml(message) : body);
  if (!response.ok) process.exit(1);
}

// TWILIO_AUTH_TOKEN, else the token the runtime generated in its data folder; never a new one.
function signingToken(runtime: FoundRuntime | undefined): string {
  const dataDir = runtime?.dataDir ?? readConfig().dataDir;
  const token = readTwilioAuthToken(dataDir);
  if (token) return token;
  if (dataDir === 'memory')
    fail(
      'the runtime keeps its Twilio token in memory (DATA_DIR=memory): start it and this command with the same TWILIO_AUTH_TOKEN',
    );
  fail(
    `no Twilio auth token in ${twilioTokenFile(dataDir)}: set TWILIO_AUTH_TOKEN to the one the runtime uses`,
  );
}

function wrongToken(url: string, runtime: FoundRuntime | undefined): string {
  const signedWith = process.env.TWILIO_AUTH_TOKEN?.trim()
    ? 'TWILIO_AUTH_TOKEN'
    : `the token in ${twilioTokenFile(runtime?.dataDir ?? readConfig().dataDir)}`;
  return [
    `403 from ${url}: the door refused the signature. This command signed with ${signedWith}`,
    `(runtime found through ${runtime?.how ?? '--url'}), and the runtime checks another token or another URL.`,
    'Fix: start the runtime and this command with the same TWILIO_AUTH_TOKEN, or run this command with the',
    "runtime's DATA_DIR (its start banner names the token file); with PUBLIC_ORIGIN set, sign for that origin.",
  ].join('\n');
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

main().catch((error: unknown) => fail(String(error)));
