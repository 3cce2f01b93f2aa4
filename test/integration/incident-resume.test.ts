// A run whose time is up stops between batches and the next run goes on from there: the notices'
// cursor and the resolution's, over DynamoDB, each guest told exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingSearchItems } from '../../functions/adapters/dynamodb/booking-search';
import { IncidentItems } from '../../functions/adapters/dynamodb/incident-items';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import { declareIncident } from '../../functions/domain/incidents/declare';
import type { Incident } from '../../functions/domain/incidents/incident';
import { sendDueNotices } from '../../functions/domain/incidents/notify';
import {
  type ResolveDeps,
  resolveIncident,
  sendDueResolutions,
} from '../../functions/domain/incidents/resolve';
import type { Messenger, OutboundMessage } from '../../functions/domain/outbound/messenger';
import { defaultPolicy, type IntakeHarness, startIntakeHarness } from '../support/intake-harness';
import { outboundOver } from '../support/outbound';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const GUESTS = 25;
const rows = Array.from({ length: GUESTS }, (_, i) => ({
  reference: makeBookingReference(`81000${String(i).padStart(4, '0')}`),
  pin: '1234',
  status: 'confirmed',
  checkIn: '2026-11-25',
  checkOut: '2026-11-29',
  propertyName: 'Hotel Sado',
  city: 'Setubal',
  propertyTimeZone: 'Europe/Lisbon',
  guestName: `Guest ${i}`,
  phone: `+3519120020${String(i).padStart(2, '0')}`,
  language: 'en',
}));

/** A messenger that records every message it sends. */
class RecordingMessenger implements Messenger {
  readonly sent: OutboundMessage[] = [];
  async send(message: OutboundMessage) {
    this.sent.push(message);
    return { providerMessageId: `rec:${message.id}`, status: 'sent' as const };
  }
}

/** Time is up once `checks` checks said it was not (a run checks before each incident and each batch). */
const upAfter = (checks: number) => {
  let done = 0;
  return () => done++ >= checks;
};

describe('incident messages resumed after a run ran out of time', () => {
  let h: IntakeHarness;
  let sms: RecordingMessenger;
  let deps: ResolveDeps;
  let incident: Incident;

  beforeAll(async () => {
    h = await startIntakeHarness(NOW);
    await h.seed(rows);
    sms = new RecordingMessenger();
    const outbound = outboundOver(h, { messengers: { sms } });
    const table = new TableClient(h.db.documentClient, h.db.tables.main);
    deps = {
      store: new IncidentItems(table),
      bookings: new BookingSearchItems(table),
      clock: h.clock,
      perMinute: 1000,
      deliver: outbound.deliver,
      ledger: outbound.ledger,
      cases: h.cases,
      lifecycle: { cases: h.cases, center: h.center, policy: defaultPolicy },
    };
    incident = await declareIncident(deps, {
      title: 'Strike',
      match: { city: 'Setubal' },
      message: { en: 'Strike.' },
      notify: true,
      priority: 2,
    });
  });
  afterAll(() => h.db.stop());

  it('moves the notices’ cursor only as far as sending got, and the next run sends the rest', async () => {
    // Act: time for one batch of ten, then a run with time enough
    const cut = await sendDueNotices(deps, upAfter(2));
    const cursor = (await deps.store.getIncident(incident.id))?.notifiedThrough;
    const rest = await sendDueNotices(deps);

    // Assess
    expect([cut, cursor, rest]).toEqual([10, 10, 15]);
    expect(new Set(sms.sent.map((m) => m.to)).size).toBe(GUESTS);
    expect(sms.sent).toHaveLength(GUESTS);
  });

  it('keeps a resolve that ran out of time on the resolving list until the beat has told everyone', async () => {
    // Prepare
    sms.sent.length = 0;

    // Act
    const resolved = await resolveIncident(deps, incident.id, { en: 'Over.' }, upAfter(1));
    const listed = (await deps.store.resolvingIncidents()).map((i) => i.id);
    const beat = [await sendDueResolutions(deps, upAfter(2)), await sendDueResolutions(deps)];
    const again = await resolveIncident(deps, incident.id, undefined);
    const after = await deps.store.resolvingIncidents();

    // Assess
    expect(resolved).toMatchObject({ guestsTold: 10, guestsLeft: 15 });
    expect(listed).toEqual([incident.id]);
    expect(beat).toEqual([10, 5]);
    expect(again).toMatchObject({ guestsTold: 0, guestsLeft: 0 });
    expect(after).toEqual([]);
    expect(sms.sent.map((m) => m.text)).toEqual(Array(GUESTS).fill('Over.'));
    expect(new Set(sms.sent.map((m) => m.to)).size).toBe(GUESTS);
    expect((await deps.store.getIncident(incident.id))?.resolvedThrough).toBe(GUESTS);
  });
});
