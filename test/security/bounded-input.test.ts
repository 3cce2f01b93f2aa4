import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../local/config';
import { BODY_LIMITS, type Runtime, startRuntime } from '../../local/runtime';
import { rawHttp } from '../support/raw-http';

// Property tests through the real runtime over HTTP: whatever path, body or import arrives, the answer is a
// 2xx/4xx the client can act on, never a 5xx, a reset connection or a runtime that stops answering.

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;
const STEMS = [
  '/',
  '/api/cases/',
  '/api/queues/',
  '/api/bookings/',
  '/connect/queues/',
  '/api/',
  '/console/',
];
const PATH_CHARS = [..."abcdefxyzABCF0123456789%/.-_~?=&+:;@!$'()*,"];

const requestTarget = fc
  .tuple(fc.constantFrom(...STEMS), fc.array(fc.constantFrom(...PATH_CHARS), { maxLength: 40 }))
  .map(([stem, chars]) => `${stem}${chars.join('')}`);

const body = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.json({ maxDepth: 4 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

describe('bounded input on the local runtime (property tests)', () => {
  let runtime: Runtime;
  let host: string;

  beforeAll(async () => {
    runtime = await startRuntime({
      ...readConfig({ PORT: '0', SMTP_PORT: '0', CONTACT_ROUTER_NOW: '2026-11-23T10:00:00.000Z' }),
      dataDir: 'memory',
    });
    host = new URL(runtime.url).host;
  });
  afterAll(() => runtime.close());

  async function stillServing(): Promise<void> {
    expect((await rawHttp(runtime.url, { path: '/health', headers: { host } })).status).toBe(200);
  }

  it('answers any request target and method with a status below 500', async () => {
    await fc.assert(
      fc.asyncProperty(requestTarget, fc.constantFrom(...METHODS), async (path, method) => {
        const answer = await rawHttp(runtime.url, { method, path, headers: { host } });
        expect(answer.status, `${method} ${path}: ${answer.body}`).toBeLessThan(500);
        expect(answer.status).toBeGreaterThanOrEqual(200);
      }),
      { numRuns: 150 },
    );
    await stillServing();
  });

  it('answers any body, under any content type, on the JSON routes with a status below 500', async () => {
    const route = fc.constantFrom(
      ['POST', '/api/contacts'],
      ['POST', '/api/import'],
      ['PUT', '/api/bookings/1000000016'],
      ['POST', '/api/try/sms'],
      ['POST', '/connect/ivr'],
      ['POST', '/connect/understand'],
    );
    const type = fc.constantFrom(
      'application/json',
      'application/x-ndjson',
      'text/plain',
      'application/xml',
      '',
    );
    await fc.assert(
      fc.asyncProperty(route, type, body, async ([method, path], contentType, text) => {
        const answer = await rawHttp(runtime.url, {
          method,
          path,
          headers: { host, ...(contentType ? { 'content-type': contentType } : {}) },
          body: text,
        });
        expect(answer.status, `${method} ${path} (${contentType}): ${answer.body}`).toBeLessThan(500);
        if (contentType === 'text/plain' || contentType === 'application/xml')
          expect(answer.status).toBe(415);
      }),
      { numRuns: 60 },
    );
    await stillServing();
  });

  it('answers 413 exactly when a body is over the doors’ limit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -64, max: 64 }), fc.boolean(), async (offset, chunked) => {
        const bytes = Buffer.alloc(BODY_LIMITS.doors + offset, 0x61);
        const half = bytes.length >> 1;
        const answer = await rawHttp(runtime.doorsUrl, {
          method: 'POST',
          path: '/twilio/messaging',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          ...(chunked ? { chunks: [bytes.subarray(0, half), bytes.subarray(half)] } : { body: bytes }),
        });
        // Under the limit, the unsigned request is read and refused by the signature check.
        expect(answer.status).toBe(offset > 0 ? 413 : 403);
      }),
      { numRuns: 16 },
    );
  });

  it('answers any import array with a bounded report that accounts for every entry', async () => {
    const entry = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.dictionary(
        fc.constantFrom(
          'reference',
          'pin',
          'status',
          'checkIn',
          'checkOut',
          'phone',
          'email',
          'language',
          'tier',
        ),
        fc.jsonValue({ maxDepth: 1 }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 300 }), async (entries) => {
        const answer = await rawHttp(runtime.url, {
          method: 'POST',
          path: '/api/import',
          headers: { host, 'content-type': 'application/json' },
          body: JSON.stringify(entries),
        });
        expect([200, 400]).toContain(answer.status);
        const report = JSON.parse(answer.body) as { imported: number; failed: number; errors: unknown[] };
        expect(report.imported + report.failed).toBe(entries.length);
        expect(report.errors).toHaveLength(Math.min(report.failed, 100));
      }),
      { numRuns: 40 },
    );
    await stillServing();
  });
});
