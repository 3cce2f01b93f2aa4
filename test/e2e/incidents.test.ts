import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUESTS, type IncidentRuntime, type Json, startIncidentRuntime } from '../support/incident-runtime';

const [lisbonPt, lisbonEn, porto] = GUESTS as [(typeof GUESTS)[0], (typeof GUESTS)[0], (typeof GUESTS)[0]];
const MESSAGE = {
  pt: 'O hotel está fechado por inundação; vamos realojá-lo.',
  en: 'The hotel is closed by a flood; we are moving you to another hotel.',
};

describe('incidents on the local runtime', () => {
  let rt: IncidentRuntime;
  let id = '';
  const outbox = async () => (await rt.api('/api/outbox')).body.messages as Json[];

  beforeAll(async () => {
    rt = await startIncidentRuntime();
  });
  afterAll(async () => {
    await rt.close();
  });

  it('refuses a declaration without a criterion or with reversed dates, naming the field', async () => {
    // Act
    const none = await rt.api('/api/incidents', {
      method: 'POST',
      body: { title: 'Flood', match: {}, message: MESSAGE, notify: false },
    });
    const reversed = await rt.api('/api/incidents', {
      method: 'POST',
      body: {
        title: 'Flood',
        match: { checkInFrom: '2026-12-02', checkInTo: '2026-12-01' },
        message: MESSAGE,
        notify: false,
      },
    });
    const noText = await rt.api('/api/incidents', {
      method: 'POST',
      body: { title: 'Flood', match: { city: 'Lisbon' }, message: {}, notify: true },
    });

    // Assess
    expect(none).toMatchObject({
      status: 400,
      body: { path: 'match', error: 'match: name at least one criterion' },
    });
    expect(reversed).toMatchObject({ status: 400, body: { path: 'match.checkInTo' } });
    expect(noText.status).toBe(400);
    expect(noText.body.error).toContain('at least one language');
    expect((await rt.api('/api/incidents')).body.incidents).toEqual([]);
  });

  it('declares an incident matching the city, and tells each affected guest once, by SMS to the booking', async () => {
    // Act
    const declared = await rt.api('/api/incidents', {
      method: 'POST',
      body: {
        title: 'Flood at Hotel Lisbon',
        match: { city: 'lisbon' },
        message: MESSAGE,
        notify: true,
        priority: 1,
      },
    });
    id = declared.body.incident.id;
    await rt.runtime.retryNow();

    // Assess
    expect(declared.status).toBe(201);
    expect(declared.body.incident).toMatchObject({
      matchedBookings: 2,
      status: 'active',
      counts: { notified: 2 },
    });
    const notices = (await outbox()).filter((m) => m.kind === 'incident');
    expect(notices.map((m) => [m.to, m.text]).sort()).toEqual([
      [lisbonPt.phone, MESSAGE.pt],
      [lisbonEn.phone, MESSAGE.en],
    ]);
  });

  it('answers a verified guest of an affected booking with the incident message, prioritised and attached', async () => {
    // Act
    const answer = await rt.sms(lisbonPt.phone, `Olá, tenho uma pergunta sobre a reserva ${lisbonPt.ref}`);
    const view = await rt.api(`/api/incidents/${id}`);

    // Assess
    expect(answer).toContain(MESSAGE.pt);
    const caseNumber = /(CR-[A-Z0-9-]+)/.exec(answer)?.[1] ?? '';
    const kase = await rt.api(`/api/cases/${caseNumber}`);
    expect(kase.body.case.priority).toBe(1);
    expect(kase.body.contacts[0].incidentId).toBe(id);
    expect(view.body.incident.counts).toEqual({ notified: 2, contacts: 1, openCases: 1 });
    expect(view.body.cases).toEqual([
      { caseNumber, bookingRef: lisbonPt.ref, contactIds: [kase.body.contacts[0].id] },
    ]);
  });

  it('leaves a guest of an unaffected booking untouched', async () => {
    // Act
    const answer = await rt.sms(porto.phone, `Olá, tenho uma pergunta sobre a reserva ${porto.ref}`);

    // Assess
    expect(answer).not.toContain(MESSAGE.pt);
    expect((await rt.api(`/api/incidents/${id}`)).body.incident.counts.contacts).toBe(1);
  });

  it('resolves every attached case and tells each guest once, however often it is resolved', async () => {
    // Act
    const first = await rt.api(`/api/incidents/${id}/resolve`, {
      method: 'POST',
      body: { message: { pt: 'O hotel reabriu.', en: 'The hotel has reopened.' } },
    });
    const again = await rt.api(`/api/incidents/${id}/resolve`, { method: 'POST', body: {} });

    // Assess
    expect(first.body).toMatchObject({ casesResolved: 1, guestsTold: 2, incident: { status: 'resolved' } });
    expect(first.body.incident.counts.openCases).toBe(0);
    expect(again.body.casesResolved).toBe(0);
    const resolutions = (await outbox()).filter((m) => m.kind === 'incident' && m.id.includes(':resolved:'));
    expect(resolutions.map((m) => m.text).sort()).toEqual(['O hotel reabriu.', 'The hotel has reopened.']);
    const answer = await rt.sms(lisbonPt.phone, `Mais uma pergunta sobre a reserva ${lisbonPt.ref}`);
    expect(answer).not.toContain(MESSAGE.pt);
  });
});
