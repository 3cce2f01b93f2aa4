import { parseBookingReference } from '../../functions/domain/booking-reference';
import { ValidationError } from '../../functions/domain/errors';
import { importBookings } from '../../functions/domain/import/import-bookings';
import { parseImport } from '../../functions/domain/import/parse-import';
import { retryPendingHandOffs } from '../../functions/domain/intake/hand-off';
import { intake } from '../../functions/domain/intake/intake';
import type { NotifyOutcome } from '../../functions/domain/notify/notify-booking';
import { isQueueOpen } from '../../functions/domain/routing/hours';
import { outboxEntry } from '../../functions/handlers/agent/outbound-view';
import { importDepsOf, type LocalApp } from '../app';
import { outboxMailerFaults } from '../doors/email-door';
import { surveySigner } from '../doors/survey-door';
import { caseRoutes } from './case-routes';
import { parseContactBody } from './contact-body';
import { faultRoutes } from './fault-routes';
import { privacyRoutes } from './privacy-routes';
import type { Route, RuntimeUrls } from './router';
import { satisfactionRoutes } from './satisfaction-routes';

function limitOf(query: URLSearchParams, fallback = 100): number {
  const raw = query.get('limit');
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new ValidationError('limit', 'must be a whole number from 1 to 1000');
  return n;
}

// What PUT /api/bookings/:ref says about the guest's booking update: none and why, or where it went.
function guestUpdateView(outcome: NotifyOutcome | undefined) {
  if (!outcome) return { sent: false, reason: 'a new booking: nothing changed' };
  if (!outcome.notified) return { sent: false, reason: outcome.reason };
  const { id, state, dueAt, message } = outcome.notice;
  const held = !outcome.delivery && state === 'due';
  return {
    sent: outcome.delivery !== undefined,
    id,
    channel: message.channel,
    to: message.to,
    ...(outcome.delivery ? { delivery: outcome.delivery.status } : {}),
    ...(held ? { heldUntil: dueAt } : {}),
    ...(!outcome.delivery && !held ? { reason: 'already told' } : {}),
  };
}

/**
 * The local HTTP API: health, cases, queues, agent replies, templates, satisfaction, outbox, policy,
 * bookings and a plain-JSON contact door.
 */
export function apiRoutes(app: LocalApp, urls: RuntimeUrls): Route[] {
  // Survey links point at the doors' port, the one a guest's browser can reach (PUBLIC_ORIGIN behind a tunnel).
  const sign = surveySigner(app);
  const surveyLinks = () => ({
    baseUrl: process.env.PUBLIC_ORIGIN?.replace(/\/$/, '') || urls.doors(),
    sign,
  });
  return [
    [
      'GET',
      '/health',
      async () => ({
        status: 200,
        body: {
          status: 'ok',
          now: app.clock.now().toISOString(),
          dataDir: app.dataDir,
          doors: urls.doors(),
          queues: Object.keys(app.policy.queues).length,
        },
      }),
    ],
    [
      'GET',
      '/api/cases',
      async (req) => ({ status: 200, body: { cases: await app.cases.listCases(limitOf(req.query)) } }),
    ],
    ...caseRoutes(app, surveyLinks),
    ...satisfactionRoutes(app),
    ...privacyRoutes(app),
    [
      'GET',
      '/api/outbox',
      async (req) => ({
        status: 200,
        body: { messages: (await app.outbound.ledger.list(limitOf(req.query))).map(outboxEntry) },
      }),
    ],
    [
      'GET',
      '/api/policy',
      async () => {
        const now = app.clock.now();
        const teams = Object.keys(app.policy.queues).map((id) => ({
          id,
          ...isQueueOpen(app.policy, id, now),
        }));
        return { status: 200, body: { policy: app.policy, teams } };
      },
    ],
    [
      'PUT',
      '/api/bookings/:ref',
      async (req) => {
        const reference = parseBookingReference(req.params.ref ?? '');
        const body = await req.json();
        if (typeof body !== 'object' || body === null || Array.isArray(body))
          throw new ValidationError('body', 'expected a booking object');
        const given = (body as { reference?: unknown }).reference;
        if (given !== undefined && given !== reference)
          throw new ValidationError('reference', `does not match the URL (${reference})`);
        const parsed = await parseImport(JSON.stringify([{ ...body, reference }]));
        const first = parsed.errors[0];
        if (first) throw new ValidationError('body', first.reason.replace(/^row: /, ''));
        let update: NotifyOutcome | undefined;
        await importBookings(
          importDepsOf(app, (outcome) => {
            update = outcome;
          }),
          parsed,
        );
        return { status: 200, body: { reference, stored: true, guestUpdate: guestUpdateView(update) } };
      },
    ],
    [
      'POST',
      '/api/import',
      async (req) => {
        const report = await importBookings(importDepsOf(app), await parseImport(await req.text()));
        return { status: report.failed > 0 && report.imported === 0 ? 400 : 200, body: report };
      },
    ],
    [
      'POST',
      '/api/contacts',
      async (req) => {
        const contact = parseContactBody(await req.json(), app.clock.now());
        const result = await intake(app.intake, contact);
        // The door's JSON answer carries the reply; deliver records it (or holds it back) as for any door.
        const delivery =
          'message' in result.plan ? await app.outbound.deliver(result.plan.message) : undefined;
        return { status: result.outcome === 'duplicate' ? 200 : 201, body: { ...result, delivery } };
      },
    ],
    [
      'POST',
      '/api/handoffs/retry',
      async () => ({
        status: 200,
        body: await retryPendingHandOffs(app.intake.contactCenter, app.cases),
      }),
    ],
    ...faultRoutes(app, { mailer: outboxMailerFaults(app) }),
  ];
}
