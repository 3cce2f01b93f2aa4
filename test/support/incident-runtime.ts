// A local runtime with a few bookings in two cities, and signed SMS through its real messaging door,
// for the incident tests (end to end and the parity attacks).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The twilio library itself signs here, as Twilio's servers would.
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import { readConfig } from '../../local/config';
import { type Runtime, startRuntime } from '../../local/runtime';
import { localTwilioAuthToken } from '../../local/twilio-token';

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
export type Json = Record<string, any>;

/** Monday 23 Nov 2026, 10:00 in Lisbon. */
export const INCIDENT_NOW = '2026-11-23T10:00:00Z';

/** A booking of the tests: its reference, its guest's phone and PIN. */
export interface TestGuest {
  readonly ref: string;
  readonly phone: string;
  readonly pin: string;
  readonly city: string;
  readonly language: string;
}

/** Two guests in Lisbon (affected), one in Porto (not). */
export const GUESTS: readonly TestGuest[] = [
  {
    ref: makeBookingReference('700000001'),
    phone: '+351912000001',
    pin: '4821',
    city: 'Lisbon',
    language: 'pt',
  },
  {
    ref: makeBookingReference('700000002'),
    phone: '+351912000002',
    pin: '4822',
    city: 'Lisbon',
    language: 'en',
  },
  {
    ref: makeBookingReference('700000003'),
    phone: '+351912000003',
    pin: '4823',
    city: 'Porto',
    language: 'pt',
  },
];

/** A started runtime with GUESTS imported, and helpers to reach its API and its SMS door. */
export interface IncidentRuntime {
  readonly runtime: Runtime;
  api(path: string, init?: { method: string; body?: unknown }): Promise<{ status: number; body: Json }>;
  /** Posts a signed SMS to the messaging door; answers the TwiML text. */
  sms(from: string, body: string): Promise<string>;
  /** Declares a priority-1 incident that tells nobody ahead, over one booking; answers its id. */
  declareCritical(title: string, ref: string, message: string): Promise<string>;
  /** The queue and priority of the case an answer names. */
  routingOf(twiml: string): Promise<{ queue: string; priority: number }>;
  close(): Promise<void>;
}

let sids = 0;

/** Starts a runtime on a fresh data folder and imports the test guests. */
export async function startIncidentRuntime(): Promise<IncidentRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'contact-router-incident-'));
  const runtime = await startRuntime(
    readConfig({ PORT: '0', DATA_DIR: dataDir, CONTACT_ROUTER_NOW: INCIDENT_NOW, SEED_DEMO: 'false' }),
  );
  const token = localTwilioAuthToken(dataDir, {});
  const api: IncidentRuntime['api'] = async (path, init) => {
    const response = await fetch(`${runtime.url}${path}`, {
      method: init?.method ?? 'GET',
      headers: init?.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const rows = GUESTS.map((g) => ({
    reference: g.ref,
    pin: g.pin,
    status: 'confirmed',
    checkIn: '2026-11-25',
    checkOut: '2026-11-28',
    propertyName: `Hotel ${g.city}`,
    city: g.city,
    propertyTimeZone: 'Europe/Lisbon',
    guestName: `Guest ${g.ref}`,
    phone: g.phone,
    language: g.language,
  }));
  const imported = await api('/api/import', { method: 'POST', body: rows });
  if (imported.status !== 200) throw new Error(`import failed: ${JSON.stringify(imported.body)}`);
  const url = `${runtime.doorsUrl}/twilio/messaging`;
  return {
    runtime,
    api,
    async declareCritical(title, ref, message) {
      const body = {
        title,
        match: { bookingRefs: [ref] },
        message: { en: message },
        notify: false,
        priority: 1,
      };
      const declared = await api('/api/incidents', { method: 'POST', body });
      if (declared.status !== 201) throw new Error(`declare failed: ${JSON.stringify(declared.body)}`);
      return declared.body.incident.id;
    },
    async routingOf(twiml) {
      const caseNumber = /CR-[0-9A-Z]{6}/.exec(twiml)?.[0] ?? '';
      const { body } = await api(`/api/cases/${caseNumber}`);
      return { queue: body.case.queue, priority: body.case.priority };
    },
    async sms(from, text) {
      sids++;
      const params = {
        MessageSid: `SM${Date.now().toString(16)}${sids.toString(16).padStart(20, '0')}`,
        From: from,
        To: '+351300000000',
        Body: text,
        NumMedia: '0',
      };
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': getExpectedTwilioSignature(token, url, params),
        },
        body: new URLSearchParams(params).toString(),
      });
      return response.text();
    },
    async close() {
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
