import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../local/config';
import { BODY_LIMITS, type Runtime, startRuntime } from '../../local/runtime';
import { rawHttp } from '../support/raw-http';

// The operator's API as an attacker reaches it: a web page the operator visits (cross-site requests, a
// DNS-rebinding name), the doors' port exposed through a tunnel, and input meant to stop the runtime.
// Everything goes over HTTP to the real local runtime.

// biome-ignore lint/suspicious/noExplicitAny: answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

const NOW = '2026-11-23T10:00:00.000Z';
const ATTACKER = 'https://attacker.example';
// A real-looking booking an attacker would like to plant (its phone then "verifies" their SMS).
const PLANTED = {
  reference: '2000000014',
  pin: '1234',
  status: 'confirmed',
  checkIn: '2026-12-01',
  checkOut: '2026-12-04',
  propertyName: 'Hotel Aurora Lisboa',
  propertyTimeZone: 'Europe/Lisbon',
  guestName: 'Eve',
  phone: '+351912000000',
  language: 'pt',
};

describe('the operator API under attack', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'contact-router-attack-'));
  let runtime: Runtime;
  let host: string;

  const operator = (req: Parameters<typeof rawHttp>[1]) =>
    rawHttp(runtime.url, { ...req, headers: { host, ...req.headers } });
  const json = (body: string) => JSON.parse(body) as Json;

  async function planted(): Promise<boolean> {
    return (await runtime.app.bookings.getBooking(PLANTED.reference, new Date(NOW))) !== undefined;
  }

  beforeAll(async () => {
    runtime = await startRuntime(readConfig({ PORT: '0', DATA_DIR: dataDir, CONTACT_ROUTER_NOW: NOW }));
    host = new URL(runtime.url).host;
  });
  afterAll(async () => {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a cross-site form post of an import (text/plain, the type a page may send without asking)', async () => {
    // Act: what <form enctype="text/plain"> or fetch(…, {mode: 'no-cors'}) from another site sends
    const asForm = await operator({
      method: 'POST',
      path: '/api/import',
      headers: { 'content-type': 'text/plain', origin: ATTACKER, 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify([PLANTED]),
    });
    const withoutOrigin = await operator({
      method: 'POST',
      path: '/api/import',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify([PLANTED]),
    });
    // Assess
    expect(asForm.status).toBe(403);
    expect(withoutOrigin.status).toBe(415);
    expect(json(withoutOrigin.body).error).toContain('application/json');
    expect(await planted()).toBe(false);
  });

  it('refuses a foreign Origin even with a JSON body, and a cross-site bodiless POST that would resolve a case', async () => {
    // Prepare: a case to resolve
    const contact = await operator({
      method: 'POST',
      path: '/api/contacts',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'sms', from: '+447700900999', text: 'Where is my refund?' }),
    });
    const caseNumber = json(contact.body).record.caseNumber as string;
    // Act
    const phoneRewrite = await operator({
      method: 'PUT',
      path: `/api/bookings/${PLANTED.reference}`,
      headers: { 'content-type': 'application/json', origin: ATTACKER },
      body: JSON.stringify(PLANTED),
    });
    const resolve = await operator({
      method: 'POST',
      path: `/api/cases/${caseNumber}/resolve`,
      headers: { origin: 'null' },
    });
    const fetchMetadataOnly = await operator({
      method: 'POST',
      path: `/api/cases/${caseNumber}/resolve`,
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' },
    });
    // Assess
    expect(contact.status).toBe(201);
    expect([phoneRewrite.status, resolve.status, fetchMetadataOnly.status]).toEqual([403, 403, 403]);
    expect(await planted()).toBe(false);
    expect((await runtime.app.cases.getCase(caseNumber))?.status).not.toBe('resolved');
  });

  it('answers 421 to a name that is not this machine (DNS rebinding), and serves localhost names and its own origin', async () => {
    // Act
    const rebound = await operator({
      path: '/api/cases',
      headers: { host: `attacker.example:${new URL(runtime.url).port}` },
    });
    const otherPort = await operator({ path: '/api/cases', headers: { host: 'localhost:1' } });
    const port = new URL(runtime.url).port;
    const allowed = await Promise.all(
      [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`].map((name) =>
        operator({ path: '/api/cases', headers: { host: name, origin: `http://${name}` } }),
      ),
    );
    // Assess
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain('"cases"');
    expect(otherPort.status).toBe(421);
    expect(allowed.map((a) => a.status)).toEqual([200, 200, 200]);
  });

  it('serves no operator route on the doors port, and no door on the operator port', async () => {
    // Act
    const onDoors = await Promise.all(
      [
        ['GET', '/health'],
        ['GET', '/api/cases'],
        ['GET', '/'],
        ['POST', '/api/import'],
        ['POST', '/api/contacts'],
        ['POST', '/api/try/sms'],
        ['PUT', '/api/faults'],
        ['POST', '/connect/ivr'],
      ].map(([method, path]) =>
        rawHttp(runtime.doorsUrl, {
          method,
          path: path as string,
          ...(method === 'GET' ? {} : { headers: { 'content-type': 'application/json' }, body: '{}' }),
        }),
      ),
    );
    const doorOnOperator = await operator({
      method: 'POST',
      path: '/twilio/messaging',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const unsignedDoor = await rawHttp(runtime.doorsUrl, {
      method: 'POST',
      path: '/twilio/messaging',
      headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'tunnel.example' },
      body: 'From=%2B33612345678&To=%2B1&MessageSid=SM1&Body=hi',
    });
    // Assess
    expect(onDoors.map((a) => a.status)).toEqual(Array(onDoors.length).fill(404));
    expect(doorOnOperator.status).toBe(404);
    expect(unsignedDoor.status).toBe(403); // the door is there, any Host, and still wants Twilio's signature
  });

  it('answers 413 naming the limit to a body over it, announced or chunked, and keeps serving', async () => {
    // Act
    const announced = await operator({
      method: 'POST',
      path: '/api/import',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(BODY_LIMITS.operator + 1, 0x20),
    });
    const chunked = await operator({
      method: 'POST',
      path: '/api/import',
      headers: { 'content-type': 'application/json' },
      chunks: Array.from({ length: 11 }, () => Buffer.alloc(1024 * 1024, 0x20)),
    });
    const atDoors = await rawHttp(runtime.doorsUrl, {
      method: 'POST',
      path: '/twilio/messaging',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.alloc(BODY_LIMITS.doors + 1, 0x61),
    });
    const health = await operator({ path: '/health' });
    // Assess
    expect([announced.status, chunked.status, atDoors.status]).toEqual([413, 413, 413]);
    expect(json(announced.body).error).toBe(
      'request body is larger than the limit of 10 MB (10485760 bytes)',
    );
    expect(json(chunked.body).code).toBe('payload_too_large');
    expect(json(atDoors.body).error).toContain('limit of 1 MB');
    expect(health.status).toBe(200);
  });

  it('answers a 9 MB import of 3,000,000 empty rows with a small report, and stays up', async () => {
    // Prepare
    const rows = `[${Array(3_000_000).fill('{}').join(',')}]`;
    // Act
    const answer = await operator({
      method: 'POST',
      path: '/api/import',
      headers: { 'content-type': 'application/json' },
      body: rows,
    });
    const health = await operator({ path: '/health' });
    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.length).toBeLessThan(1000);
    expect(json(answer.body)).toMatchObject({
      imported: 0,
      failed: 3_000_000,
      errors: [{ line: 1, reason: expect.stringContaining('one import takes at most 50000: split it') }],
    });
    expect(health.status).toBe(200);
  });

  it('answers /health while it validates a large import, and reports its first 100 problems and their count', async () => {
    // Prepare: 40,000 rows, each wrong in every field
    const rows = JSON.stringify(
      Array.from({ length: 40_000 }, (_, i) => ({ reference: String(i), pin: 'x' })),
    );
    // Act: the health check is sent after the import and must not wait for it
    const order: string[] = [];
    const importing = operator({
      method: 'POST',
      path: '/api/import',
      headers: { 'content-type': 'application/json' },
      body: rows,
    }).then((answer) => {
      order.push('import');
      return answer;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const health = await operator({ path: '/health' }).then((answer) => {
      order.push('health');
      return answer;
    });
    const answer = await importing;
    // Assess
    expect(health.status).toBe(200);
    expect(order).toEqual(['health', 'import']);
    const report = json(answer.body);
    expect(report.failed).toBe(40_000);
    expect(report.errors).toHaveLength(100);
    expect(report.errors[0].reason).toMatch(
      /^reference: a booking reference has exactly 10 digits; pin: the PIN has exactly 4 digits; status: is required/,
    );
    expect(answer.body.length).toBeLessThan(100_000);
  });

  it('answers 400, not 500, to malformed percent-encoding', async () => {
    // Act
    const answers = await Promise.all(
      ['/api/cases/%ZZ', '/api/cases/%E0%A4%A', '/api/queues/%/take'].map((path, i) =>
        operator({ method: i === 2 ? 'POST' : 'GET', path }),
      ),
    );
    // Assess
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400]);
    expect(json(answers[0]?.body ?? '{}').error).toContain('malformed percent-encoding');
  });
});

describe('the start banner', () => {
  it('masks a real Twilio auth token given in TWILIO_AUTH_TOKEN', async () => {
    // Prepare
    const real = 'f3c1a9e2b7d04c5e8a6b1d2c3e4f5a6b';
    process.env.TWILIO_AUTH_TOKEN = real;
    try {
      // Act
      const runtime = await startRuntime({ ...readConfig({ PORT: '0', SMTP_PORT: '0' }), dataDir: 'memory' });
      await runtime.close();
      // Assess
      const banner = runtime.banner.join('\n');
      expect(banner).not.toContain(real);
      expect(banner).toContain('Twilio auth token from TWILIO_AUTH_TOKEN, ••••5a6b');
    } finally {
      delete process.env.TWILIO_AUTH_TOKEN;
    }
  });
});
