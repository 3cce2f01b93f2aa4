import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentItems } from '../../functions/adapters/dynamodb/incident-items';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import { ActiveIncidents } from '../../functions/domain/incidents/active-incidents';
import { actionOf, twilioVoiceDoor, VOICE_URL } from '../security/voice-doors';
import { type IvrHarness, LINES, startIvrHarness } from './ivr-harness';

// Camille's booking (demo): Hôtel Lumière Paris, PIN 1111; Jonas's (1000000024, PIN 2222) is not affected.
const AFFECTED = '1000000016';
const NEWS = "L'hôtel Lumière est fermé après une inondation ; nous vous relogeons ce soir.";

let bench: IvrHarness;
let lookup: ActiveIncidents;
beforeAll(async () => {
  bench = await startIvrHarness(undefined, (h) => {
    const store = new IncidentItems(new TableClient(h.db.documentClient, h.db.tables.main));
    lookup = new ActiveIncidents(store, h.clock);
    return lookup;
  });
  await new IncidentItems(new TableClient(bench.h.db.documentClient, bench.h.db.tables.main)).createIncident({
    id: 'INC-FLOOD001',
    title: 'Flood in Paris',
    match: { bookingRefs: [AFFECTED] },
    message: { fr: NEWS, en: 'The hotel is closed after a flood.' },
    notify: false,
    priority: 1,
    status: 'active',
    declaredAt: bench.h.clock.now().toISOString(),
    bookingRefs: [AFFECTED],
    notifiedThrough: 0,
  });
});
afterAll(async () => bench.stop());

describe('incident message on the phone', () => {
  it('tells a verified caller of an affected booking on Amazon Connect, after the status', async () => {
    // Act
    const call = await bench.call(LINES.fr, '+33612345678', [undefined, '4', `${AFFECTED}#`, '1111', '1']);

    // Assess
    const status = call.heard.findIndex((t) => t.includes('Hôtel Lumière Paris'));
    expect(status).toBeGreaterThanOrEqual(0);
    expect(call.heard.slice(status).join(' ')).toContain(NEWS);
    const record = await bench.h.cases.getContact(`voice:${call.contactId}`);
    expect(record?.incidentId).toBe('INC-FLOOD001');
  });

  it('tells nothing to a caller whose PIN is wrong, nor to the verified caller of another booking', async () => {
    // Act
    const wrong = await bench.call(LINES.fr, '+33700000000', [
      undefined,
      '4',
      `${AFFECTED}#`,
      '9999',
      '9998',
      '9997',
    ]);
    const other = await bench.call(LINES.de, '+4915112345678', [undefined, '1', '1000000024#', '2222', '1']);

    // Assess
    expect(wrong.heard.join(' ')).not.toContain('inondation');
    expect(other.heard.join(' ')).not.toContain('flood');
    expect(other.heard.join(' ')).toContain('Alpenhof');
  });

  it('tells a verified caller of an affected booking on Twilio Voice, after the status', async () => {
    // Prepare
    const door = twilioVoiceDoor(bench, { ...bench.h.deps, incidents: lookup });
    const post = async (url: string, params: Record<string, string>) => (await door(url, params)).body;
    const base = { CallSid: 'CAincident0001', From: '+33612345678', To: LINES.fr };

    // Act
    const start = await post(VOICE_URL, base);
    const topic = await post(actionOf(start), { ...base, Digits: '' });
    const booking = await post(actionOf(topic), { ...base, Digits: '4' });
    const pin = await post(actionOf(booking), { ...base, Digits: AFFECTED });
    const status = await post(actionOf(pin), { ...base, Digits: '1111' });

    // Assess
    expect(status).toContain('Hôtel Lumière Paris');
    // The TwiML escapes the apostrophe; the sentence's end is plain text.
    expect(status.indexOf('nous vous relogeons ce soir.')).toBeGreaterThan(
      status.indexOf('Hôtel Lumière Paris'),
    );
  });
});
