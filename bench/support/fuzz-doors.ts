// Sends fast-check samples of bad input to every door of a running local runtime and tallies the answers.
import fc from 'fast-check';
import nodemailer from 'nodemailer';
import { twilioSignatureFor } from '../../functions/adapters/twilio/signature';
import { DoorTally } from './door-tally';
import { connectEvent, jsonContact, mime, twilioCall, twilioMessage, voiceQuery } from './fuzz-inputs';
import { pool } from './load';

/** Where the runtime under test listens, and its Twilio auth token. */
export interface DoorsUnderTest {
  /** The operator's port (the Connect stand-ins and the plain-JSON door). */
  readonly url: string;
  /** The public doors' port (Twilio's webhooks). */
  readonly doorsUrl: string;
  readonly smtpPort: number;
  readonly twilioToken: string;
}

const CONCURRENCY = 8;

async function post(tally: DoorTally, input: unknown, url: string, init: RequestInit): Promise<void> {
  try {
    await tally.http(await fetch(url, { method: 'POST', ...init }), input);
  } catch (error) {
    tally.crash(`no answer: ${(error as Error).message}`, input);
  }
}

async function run<T>(
  tally: DoorTally,
  arbitrary: fc.Arbitrary<T>,
  runs: number,
  seed: number,
  send: (input: T) => Promise<void>,
) {
  const inputs = fc.sample(arbitrary, { numRuns: runs, seed });
  await pool(inputs.length, CONCURRENCY, (i) => send(inputs[i] as T));
  return tally;
}

function twilioDoor(doors: DoorsUnderTest, path: string, signed: boolean, runs: number, seed: number) {
  const tally = new DoorTally(`POST ${path} (${signed ? 'signed' : 'unsigned or badly signed'})`);
  const input = fc.record({
    form: path.includes('voice') ? twilioCall : twilioMessage,
    query: path.includes('voice') ? voiceQuery : fc.constant(''),
    forged: fc.string({ maxLength: 40 }),
  });
  return run(tally, input, runs, seed, async ({ form, query, forged }) => {
    const url = `${doors.doorsUrl}${path}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (signed) headers['x-twilio-signature'] = twilioSignatureFor(doors.twilioToken, url, form);
    else if (forged) headers['x-twilio-signature'] = forged;
    await post(tally, { form, query }, url, { headers, body: new URLSearchParams(form).toString() });
  });
}

function jsonDoor(
  doors: DoorsUnderTest,
  name: string,
  path: string,
  arbitrary: fc.Arbitrary<unknown>,
  runs: number,
  seed: number,
) {
  const tally = new DoorTally(name);
  const input = fc.oneof({ arbitrary, weight: 9 }, { arbitrary: fc.string({ maxLength: 200 }), weight: 1 });
  return run(tally, input, runs, seed, async (body) => {
    // One in ten bodies is not JSON at all.
    const raw = typeof body === 'string' && !body.startsWith('"') ? body : JSON.stringify(body);
    await post(tally, body, `${doors.url}${path}`, {
      headers: { 'content-type': 'application/json' },
      body: raw,
    });
  });
}

/** Sends raw bytes to the SMTP door: 250 accepted, a 4xx/5xx answer refused, 451 (processing failed) a crash. */
export async function sendMime(
  tally: DoorTally,
  port: number,
  raw: Buffer,
  to: string,
  input: unknown,
): Promise<string> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    const info = await transport.sendMail({ envelope: { from: 'fuzz@example.com', to: [to] }, raw });
    const answer = String(info.response);
    // "queued as …; recorded; case …; ack sent; no-reply auto-reply": what became of it, without the ids.
    const outcome = answer
      .replace(/^250 queued as \S+; /, '')
      .replace(/case CR-\w+|case -/, 'case')
      .replace(/ \(.*?\)/g, '');
    tally.acceptAs(outcome);
    return answer;
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    const message = (error as Error).message;
    // 451 is the door's "kept, processing failed": an error nobody meant to raise, unless a dependency said so.
    if (code === undefined || (code === 451 && !message.includes('DependencyError')))
      tally.crash(`${code ?? 'no answer'} ${message.slice(0, 120)}`, input);
    else tally.refuse(`SMTP ${code} ${message.replace(/^.*?: \d{3} /, '').slice(0, 60)}`);
    return message;
  } finally {
    transport.close();
  }
}

/** Fuzzes every door with `runs` samples each; returns one tally per door. */
export async function fuzzDoors(doors: DoorsUnderTest, runs: number, seed: number): Promise<DoorTally[]> {
  const tallies: DoorTally[] = [];
  for (const path of ['/twilio/messaging', '/twilio/voice'])
    for (const signed of [true, false]) tallies.push(await twilioDoor(doors, path, signed, runs, seed));
  tallies.push(
    await jsonDoor(
      doors,
      'POST /connect/ivr (Connect IVR Lambda events)',
      '/connect/ivr',
      connectEvent,
      runs,
      seed,
    ),
  );
  tallies.push(
    await jsonDoor(doors, 'POST /api/contacts (plain JSON door)', '/api/contacts', jsonContact, runs, seed),
  );
  const smtp = new DoorTally('SMTP email door (random MIME)');
  const raws = fc.sample(mime, { numRuns: runs, seed });
  await pool(raws.length, CONCURRENCY, async (i) => {
    const raw = raws[i] as Buffer;
    await sendMime(
      smtp,
      doors.smtpPort,
      raw,
      'support@contact-router.local',
      raw.toString('latin1').slice(0, 300),
    );
  });
  tallies.push(smtp);
  return tallies;
}
