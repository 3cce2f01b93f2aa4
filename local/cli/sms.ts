// `npm run sms -- --from +33612345678 --body "…"`: sends a correctly signed Twilio messaging webhook
// to the running local runtime and prints what the guest would receive.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { twilioSignatureFor } from '../../functions/adapters/twilio/signature';
import { readConfig } from '../config';
import { MESSAGING_PATH } from '../doors/messaging-door';
import { localTwilioAuthToken } from '../twilio-token';

const USAGE = `usage: npm run sms -- --from +33612345678 --body "text" [--to +12025550143] [--whatsapp]
                    [--name "Profile name"] [--media https://…]... [--sid SM…] [--url http://127.0.0.1:3000]`;

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
      url: { type: 'string', default: `http://127.0.0.1:${process.env.PORT ?? '3000'}` },
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
  const url = `${values.url.replace(/\/$/, '')}${MESSAGING_PATH}`;
  const { dataDir } = readConfig();
  if (dataDir === 'memory' && !process.env.TWILIO_AUTH_TOKEN)
    fail(
      'with DATA_DIR=memory the runtime keeps its token to itself: start both with the same TWILIO_AUTH_TOKEN',
    );
  const token = localTwilioAuthToken(dataDir);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignatureFor(token, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
  } catch (error) {
    fail(`cannot reach ${url} (is \`npm start\` running?): ${(error as Error).message}`);
  }
  const body = await response.text();
  console.log(`${response.status} ${sid}`);
  const message = /<Message>([\s\S]*)<\/Message>/.exec(body)?.[1];
  console.log(message ? decodeXml(message) : body);
  if (!response.ok) process.exit(1);
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
