// Reliability campaign, incident: an incident matching 500 bookings, its notices paced by the policy,
// then 2,000 messages from those guests mixed with 2,000 from guests of other bookings, at 50
// concurrent through the signed SMS door. Every affected contact must be attached and answered with
// the incident message, the others untouched; 0 lost, 0 duplicated, each guest notified exactly once.
// INCIDENT_BOOKINGS (500), INCIDENT_PER_MINUTE (250) and CAMPAIGN_CONCURRENCY (50) shrink or grow it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localTwilioAuthToken } from '../local/twilio-token';
import { campaignGuests, INCIDENT_MESSAGE, importRows, pacedPolicy } from './reliability/incident-setup';
import { CAMPAIGN_NOW, freePort } from './reliability/run-campaign';
import { audit } from './support/audit';
import { startChildRuntime } from './support/child-runtime';
import { pool } from './support/load';
import { twilioSender } from './support/senders';

const bookings = Number(process.env.INCIDENT_BOOKINGS ?? 500);
const perMinute = Number(process.env.INCIDENT_PER_MINUTE ?? 250);
const concurrency = Number(process.env.CAMPAIGN_CONCURRENCY ?? 50);
const PER_GUEST = 4;
const started = performance.now();
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const dataDir = mkdtempSync(join(tmpdir(), 'contact-router-incident-'));
const env = {
  DATA_DIR: dataDir,
  PORT: String(await freePort()),
  DOORS_PORT: String(await freePort()),
  SMTP_PORT: String(await freePort()),
  CONTACT_ROUTER_NOW: CAMPAIGN_NOW,
  SEED_DEMO: 'false',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  ROUTING_POLICY: pacedPolicy(dataDir, perMinute),
};
const runtime = await startChildRuntime(env);
const api = async (path: string, body?: unknown) => {
  const response = await fetch(`${runtime.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers:
      body === undefined
        ? {}
        : { 'content-type': typeof body === 'string' ? 'application/x-ndjson' : 'application/json' },
    body: typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: JSON walked as a client would
  return (await response.json()) as Record<string, any>;
};

try {
  const guests = campaignGuests(bookings);
  let t = performance.now();
  const imported = await api('/api/import', importRows(guests));
  console.log(`imported ${imported.imported} bookings in ${seconds(t)} s`);

  t = performance.now();
  const { incident } = await api('/api/incidents', {
    title: 'Flood at Hotel Tejo',
    match: { city: 'Lisbon' },
    message: INCIDENT_MESSAGE,
    notify: true,
    priority: 2,
  });
  const progress: string[] = [];
  for (let notified = 0; notified < incident.matchedBookings; await sleep(2_000)) {
    notified = (await api(`/api/incidents/${incident.id}`)).incident.counts.notified;
    if (progress.at(-1)?.endsWith(` ${notified}`) !== true) progress.push(`${seconds(t)} s: ${notified}`);
  }
  const notifySeconds = seconds(t);

  const token = localTwilioAuthToken(dataDir, {});
  const send = twilioSender(() => runtime.doorsUrl, token);
  const runId = Date.now().toString(36);
  const messages = guests.flatMap((g, i) =>
    Array.from({ length: PER_GUEST }, (_, k) => ({
      guest: g,
      id: `${runId}g${i}m${k}`,
      text: `Hello, a question ${k + 1} about my booking ${g.ref}`,
    })),
  );
  // Interleaved, so affected and ordinary guests write at the same time; a guest's own messages in order.
  messages.sort((a, b) => Number(a.id.split('m')[1]) - Number(b.id.split('m')[1]));
  const answers = new Map<string, string>();
  t = performance.now();
  const ms = await pool(messages.length, concurrency, async (i) => {
    const m = messages[i] as (typeof messages)[number];
    answers.set(m.id, await send({ id: m.id, from: m.guest.phone, text: m.text }));
  });
  const view = await api(`/api/incidents/${incident.id}`);
  await runtime.stop();

  const report = await audit(
    dataDir,
    messages.map((m) => `sms:SM${m.id}`),
  );
  const mentions = (text: string | undefined) =>
    Object.values(INCIDENT_MESSAGE).some((s) => text?.includes(s.slice(0, 30)));
  const affected = messages.filter((m) => m.guest.affected);
  const ordinary = messages.filter((m) => !m.guest.affected);
  const stored = (m: (typeof messages)[number]) => report.contacts.get(`sms:SM${m.id}`);
  const noticesTo = new Map<string, number>();
  for (const [id] of report.deliveries)
    if (id.startsWith(`incident:${incident.id}:notice:`))
      noticesTo.set(id.split(':')[3] ?? '', (noticesTo.get(id.split(':')[3] ?? '') ?? 0) + 1);
  const casesPerGuest = new Map<string, Set<string>>();
  for (const m of messages) {
    const c = stored(m)?.caseNumber;
    if (c) casesPerGuest.set(m.guest.ref, (casesPerGuest.get(m.guest.ref) ?? new Set()).add(c));
  }
  const lines: [string, unknown][] = [
    ['matched bookings', incident.matchedBookings],
    ['notices per minute (policy)', perMinute],
    ['notified (progress)', progress.join(', ')],
    ['all notified after s', notifySeconds],
    [
      'guests notified exactly once',
      [...new Set(guests.filter((g) => g.affected).map((g) => g.ref))].filter((r) => noticesTo.get(r) === 1)
        .length,
    ],
    ['notices to unaffected guests', guests.filter((g) => !g.affected && noticesTo.has(g.ref)).length],
    [
      'messages sent',
      `${messages.length} (${affected.length} affected, ${ordinary.length} ordinary) at ${concurrency} concurrent`,
    ],
    [
      'seconds / requests per second',
      `${(ms / 1000).toFixed(1)} / ${Math.round(messages.length / (ms / 1000))}`,
    ],
    ['lost (no stored contact)', messages.filter((m) => !stored(m)).length],
    ['duplicated (guest with >1 case)', [...casesPerGuest.values()].filter((s) => s.size > 1).length],
    [
      'affected attached',
      `${affected.filter((m) => stored(m)?.incidentId === incident.id).length} / ${affected.length}`,
    ],
    [
      'affected answered with the message',
      `${affected.filter((m) => mentions(answers.get(m.id))).length} / ${affected.length}`,
    ],
    [
      'ordinary attached or told',
      ordinary.filter((m) => stored(m)?.incidentId !== undefined || mentions(answers.get(m.id))).length,
    ],
    ['incident counts (API)', JSON.stringify(view.incident.counts)],
    ['attached cases', view.cases.length],
    ['total seconds', seconds(started)],
  ];
  console.log(`incident: ${bookings} bookings affected, ${bookings} not`);
  for (const [key, value] of lines) console.log(`  ${key.padEnd(38)} ${String(value)}`);
} finally {
  await runtime.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}
