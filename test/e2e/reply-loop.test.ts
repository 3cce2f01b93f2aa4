// The whole loop on the local runtime: a guest writes (signed SMS, SMTP mail), an agent takes the case
// and answers, the guest answers back, the agent resolves, the survey goes out and its answer lands on
// the case — through the real doors, the real deliver step and the outbound ledger.
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { describe, expect, it } from 'vitest';
import { localTwilioAuthToken } from '../../local/twilio-token';
import { useMailRuntime } from '../support/mail-runtime';

// Monday 23 Nov 2026, 10:00 in Paris: the French team is open. Demo booking 1000000016 is Camille's.
const NOW = '2026-11-23T10:00:00+01:00';

// biome-ignore lint/suspicious/noExplicitAny: API answers are walked like any HTTP client would walk JSON
type Json = Record<string, any>;

describe('reply and survey loop on the local runtime', () => {
  const mail = useMailRuntime(NOW);
  let sids = 0;

  async function sms(from: string, body: string): Promise<string> {
    const url = `${mail().runtime.doorsUrl}/twilio/messaging`;
    const params = {
      MessageSid: `SM${(++sids).toString(16).padStart(32, '0')}`,
      From: from,
      To: '+33757000000',
      Body: body,
    };
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': getExpectedTwilioSignature(localTwilioAuthToken('memory'), url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    expect(response.status).toBe(200);
    return response.text();
  }
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${mail().runtime.url}${path}`, {
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

  it('answers a guest by SMS, hears back, resolves, surveys and records the score', async () => {
    // Prepare: Camille writes; an agent of the French team takes her case
    const ack = await sms('+33612345678', 'Bonjour, puis-je arriver à 11 h ? Réservation 1000000016');
    const caseNumber = /dossier est (CR-\w+)/.exec(ack)?.[1] ?? '';
    while (
      (await call('POST', '/api/queues/fr-team/take', { agent: 'ana' })).body.case?.caseNumber !== caseNumber
    );

    // Act
    const replied = await call(
      'POST',
      `/api/cases/${caseNumber}/replies`,
      { agent: 'ana', template: 'stay_dates' },
      { 'idempotency-key': 'loop-1' },
    );
    const retried = await call(
      'POST',
      `/api/cases/${caseNumber}/replies`,
      { agent: 'ana', template: 'stay_dates' },
      { 'idempotency-key': 'loop-1' },
    );
    await sms('+33612345678', 'Merci, parfait !');
    const afterGuest = (await call('GET', `/api/cases/${caseNumber}`)).body.case;
    const resolved = await call('POST', `/api/cases/${caseNumber}/resolve`, { agent: 'ana' });
    const thanks = await sms('+33612345678', '5 très efficace');
    const kase = (await call('GET', `/api/cases/${caseNumber}`)).body;

    // Assess
    expect(replied.status).toBe(201);
    expect(replied.body.message).toMatchObject({ kind: 'agent_reply', channel: 'sms', to: '+33612345678' });
    expect(replied.body.message.text).toMatch(
      /^Votre séjour à Hôtel Lumière Paris a lieu du 23 novembre 2026/,
    );
    expect(retried.status).toBe(200);
    expect(afterGuest.status).toBe('waiting');
    expect(resolved.body.survey).toMatchObject({ sent: true, channel: 'sms', to: '+33612345678' });
    expect(thanks).toContain(`Merci pour votre avis sur le dossier ${caseNumber}.`);
    expect(kase.case).toMatchObject({
      status: 'resolved',
      satisfaction: { score: 5, comment: 'très efficace' },
    });
    const sent = await outboxOf(caseNumber);
    expect(sent.filter((m) => m.kind === 'agent_reply')).toHaveLength(1);
    expect(sent.find((m) => m.kind === 'survey')).toMatchObject({
      channel: 'sms',
      to: '+33612345678',
      language: 'fr',
    });
    const summary = (await call('GET', '/api/satisfaction')).body;
    expect(summary.byQueue['fr-team']).toMatchObject({ answers: 1, csat: 100 });
  });

  it('surveys a mail guest with signed links; the page records the score only when sent', async () => {
    // Prepare: Jonas writes by mail; the case is resolved at once
    await mail().smtp.sendMail({
      from: 'Jonas Weber <jonas.weber@example.de>',
      to: 'support@contact-router.local',
      subject: 'Rechnung',
      text: 'Guten Tag, ich brauche eine Rechnung für meinen Aufenthalt.',
    });
    const cases = (await call('GET', '/api/cases')).body.cases as Json[];
    const caseNumber = cases.find((c) => c.ownerKey === 'jonas.weber@example.de')?.caseNumber as string;

    // Act
    const resolved = await call('POST', `/api/cases/${caseNumber}/resolve`, { agent: 'ben' });
    const survey = (await outboxOf(caseNumber)).find((m) => m.kind === 'survey');
    const links = [...String(survey?.text).matchAll(/(http\S+\/survey\/\S+)/g)].map((m) => m[1] ?? '');
    const page = await fetch(links[1] ?? '');
    const untouched = (await call('GET', `/api/cases/${caseNumber}`)).body.case.satisfaction;
    const sent = await fetch(links[1] ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'comment=Niemand+hat+geantwortet',
    });
    const kase = (await call('GET', `/api/cases/${caseNumber}`)).body.case;
    const queue = ((await call('GET', '/api/queues')).body.queues[kase.queue] ?? []) as Json[];

    // Assess
    expect(resolved.body.survey).toMatchObject({
      sent: true,
      channel: 'email',
      to: 'jonas.weber@example.de',
      delivery: 'sent',
    });
    expect(links).toHaveLength(5);
    expect(links[1]?.startsWith(mail().runtime.doorsUrl)).toBe(true);
    expect(await page.text()).toContain(`Ihre Bewertung für Fall ${caseNumber}: 2 von 5`);
    expect(untouched).toBeUndefined();
    expect(await sent.text()).toContain(`Wir haben Fall ${caseNumber} wieder geöffnet`);
    expect(kase).toMatchObject({
      status: 'waiting',
      satisfaction: { score: 2, comment: 'Niemand hat geantwortet' },
    });
    expect(queue.map((e) => e.caseNumber)).toContain(caseNumber);
  });
});
