// The reply, template, satisfaction and survey-page routes over real HTTP on a real local app (its
// deliver step and outbound ledger; SMS go to the local outbox).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intake } from '../../functions/domain/intake/intake';
import { createLocalApp, type LocalApp } from '../../local/app';
import { readConfig } from '../../local/config';
import { surveyDoor } from '../../local/doors/survey-door';
import type { DynaliteServer } from '../../local/dynalite-server';
import { apiRoutes } from '../../local/http/api-routes';
import { createRouter } from '../../local/http/router';
import { aContact } from '../support/intake-harness';

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;
const config = readConfig({ PORT: '0', DATA_DIR: 'memory', CONTACT_ROUTER_NOW: '2026-11-23T10:00:00.000Z' });

async function serve(routes: Parameters<typeof createRouter>[0]): Promise<{ server: Server; url: string }> {
  const server = createServer(createRouter(routes, { maxBodyBytes: 1024 * 1024, onError: () => {} }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('reply and survey routes', () => {
  let app: LocalApp;
  let store: DynaliteServer;
  let api: { server: Server; url: string };
  let doors: { server: Server; url: string };

  beforeAll(async () => {
    ({ app, store } = await createLocalApp(config));
    doors = await serve(surveyDoor.publicRoutes?.(app, config, () => doors.url) ?? []);
    api = await serve(apiRoutes(app, { operator: () => api.url, doors: () => doors.url }));
  });
  afterAll(async () => {
    for (const s of [api.server, doors.server]) s.close();
    await store.close();
  });

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json };
  }
  const outboxOf = async (caseNumber: string) =>
    ((await call('GET', '/api/outbox?limit=1000')).body.messages as Json[]).filter(
      (m) => m.caseNumber === caseNumber,
    );
  const guest = async (from: string, text: string, extra: Parameters<typeof aContact>[0] = {}) =>
    (await intake(app.intake, aContact({ from, text, receivedAt: app.clock.now().toISOString(), ...extra })))
      .record;

  it('sends a reply once per Idempotency-Key and answers 201, then 200 for the retry', async () => {
    // Prepare
    const contact = await guest('+33612000001', 'Bonjour, le parking est-il inclus ?');
    const path = `/api/cases/${contact.caseNumber}/replies`;

    // Act
    const first = await call(
      'POST',
      path,
      { agent: 'ana', text: 'Oui, il est inclus.' },
      { 'idempotency-key': 'abc-1' },
    );
    const retry = await call(
      'POST',
      path,
      { agent: 'ana', text: 'Oui, il est inclus.' },
      { 'idempotency-key': 'abc-1' },
    );

    // Assess
    expect(first.status).toBe(201);
    expect(first.body.message).toMatchObject({
      kind: 'agent_reply',
      channel: 'sms',
      to: '+33612000001',
      delivery: 'sent',
    });
    expect(first.body.case.status).toBe('pending_guest');
    expect(retry.status).toBe(200);
    expect((await outboxOf(contact.caseNumber)).filter((m) => m.kind === 'agent_reply')).toHaveLength(1);
  });

  it('answers clear 400, 404 and 409 errors', async () => {
    // Prepare
    const contact = await guest('+33612000002', 'Bonjour, une question');
    const path = `/api/cases/${contact.caseNumber}/replies`;

    // Act
    const empty = await call('POST', path, { agent: 'ana', text: '   ' });
    const both = await call('POST', path, { agent: 'ana', text: 'x', template: 'looking_into_it' });
    const unknownTemplate = await call('POST', path, { agent: 'ana', template: 'refund_now' });
    const badKey = await call('POST', path, { agent: 'ana', text: 'x' }, { 'idempotency-key': 'has space' });
    const noCase = await call('POST', '/api/cases/CR-ZZZZZZ/replies', { agent: 'ana', text: 'x' });
    const unverified = await call('POST', path, { agent: 'ana', template: 'stay_dates' });
    await call('POST', `/api/cases/${contact.caseNumber}/resolve`, { agent: 'ana' });
    const resolved = await call('POST', path, { agent: 'ana', text: 'x' });

    // Assess
    expect([empty.status, both.status, unknownTemplate.status, badKey.status]).toEqual([400, 400, 400, 400]);
    expect(unknownTemplate.body).toMatchObject({
      code: 'unknown_template',
      error: expect.stringMatching(/GET \/api\/templates/),
    });
    expect(noCase.status).toBe(404);
    expect(unverified).toMatchObject({ status: 409, body: { code: 'needs_verified_booking' } });
    expect(resolved).toMatchObject({ status: 409, body: { code: 'not_allowed' } });
    expect(resolved.body.error).toMatch(/status resolved/);
  });

  it('lists the templates, with what each gives on a case', async () => {
    // Prepare
    const contact = await guest('+33612000003', 'Bonjour');

    // Act
    const all = await call('GET', '/api/templates');
    const forCase = await call('GET', `/api/templates?caseNumber=${contact.caseNumber}`);

    // Assess
    expect(all.body.templates.map((t: Json) => t.id)).toContain('stay_dates');
    expect(Object.keys(all.body.templates[0].texts)).toHaveLength(10);
    const dates = forCase.body.templates.find((t: Json) => t.id === 'stay_dates');
    expect(forCase.body.case).toMatchObject({ verifiedBooking: false, language: 'fr' });
    expect(dates.forCase).toMatchObject({ ok: false, reason: 'needs_verified_booking' });
  });

  it('surveys on resolve, and takes the answer by the mail link page only when it is sent', async () => {
    // Prepare
    // No email door runs here (the e2e loop sends through it): the survey is recorded, its links are real.
    const mail = await guest('lea@example.fr', 'Bonjour, je voudrais une facture', {
      channel: 'email',
      to: 'support@contact-router.local',
      subject: 'Facture',
      languageHint: 'fr',
    });

    // Act
    const resolved = await call('POST', `/api/cases/${mail.caseNumber}/resolve`, { agent: 'ana' });
    const survey = (await outboxOf(mail.caseNumber)).find((m) => m.kind === 'survey');
    const links = [...String(survey?.text).matchAll(/\/survey\/(\S+)/g)];
    const link = links[3]?.[1] ?? ''; // the fourth line: score 4
    const tokens = link.split('.');
    const five = `${tokens.slice(0, 2).join('.')}.5.${tokens[3]}`; // a score the signature does not cover
    const page = await fetch(`${doors.url}/survey/${link}`);
    const pageHtml = await page.text();
    const forged = await fetch(`${doors.url}/survey/${five}`);
    const sent = await fetch(`${doors.url}/survey/${link}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'comment=Tr%C3%A8s+rapide',
    });
    const summary = await call('GET', '/api/satisfaction');

    // Assess
    expect(resolved.body.survey).toMatchObject({
      sent: true,
      channel: 'email',
      to: 'lea@example.fr',
    });
    expect(page.status).toBe(200);
    expect(pageHtml).toContain(`Votre note pour le dossier ${mail.caseNumber}`);
    expect(forged.status).toBe(404);
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain(`Merci pour votre avis sur le dossier ${mail.caseNumber}.`);
    const kase = (await call('GET', `/api/cases/${mail.caseNumber}`)).body.case;
    expect(kase.satisfaction).toMatchObject({ score: 4, comment: 'Très rapide' });
    expect(kase.status).toBe('resolved');
    expect(summary.body.byLanguage.fr.answers).toBeGreaterThanOrEqual(1);
  });
});
