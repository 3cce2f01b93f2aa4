// A stranger naming a booking an incident affects learns nothing more than one naming an unaffected
// booking: through the runtime's real, signed SMS door the two answers are identical (apart from case
// numbers), route to the same queue at the same priority, and nothing is attached to the incident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUESTS, type IncidentRuntime, startIncidentRuntime } from '../support/incident-runtime';

const [affected, , unaffected] = GUESTS as [(typeof GUESTS)[0], (typeof GUESTS)[0], (typeof GUESTS)[0]];
const STRANGER = '+447700900123';
const withoutCase = (text: string) => text.replace(/CR-[0-9A-Z]{6}/g, 'CR-######');

describe('incident parity for unverified senders at the SMS door', () => {
  let rt: IncidentRuntime;
  let incidentId = '';

  beforeAll(async () => {
    rt = await startIncidentRuntime();
    incidentId = await rt.declareCritical('Flood', affected.ref, 'The hotel is flooded.');
  });
  afterAll(async () => {
    await rt.close();
  });

  const routing = (twiml: string) => rt.routingOf(twiml);

  it('answers a stranger naming an affected booking exactly as one naming an unaffected booking', async () => {
    // Act: two strangers (distinct numbers, so neither continues the other's case)
    const onAffected = await rt.sms(STRANGER, `Hello, what about booking ${affected.ref}?`);
    const onUnaffected = await rt.sms('+447700900124', `Hello, what about booking ${unaffected.ref}?`);

    // Assess
    expect(onAffected).not.toContain('flooded');
    expect(withoutCase(onAffected)).toBe(withoutCase(onUnaffected));
    expect(await routing(onAffected)).toEqual(await routing(onUnaffected));
    const view = await rt.api(`/api/incidents/${incidentId}`);
    expect(view.body.incident.counts).toMatchObject({ contacts: 0, openCases: 0 });
  });

  it('gives the affected guest, writing from the booking phone, the incident message', async () => {
    // Act
    const answer = await rt.sms(affected.phone, `Hello, what about booking ${affected.ref}?`);

    // Assess: the same booking, verified, does get it (so the stranger's answer above is a real contrast)
    expect(answer).toContain('The hotel is flooded.');
  });
});
