import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingSearchItems } from '../../functions/adapters/dynamodb/booking-search';
import { IncidentItems } from '../../functions/adapters/dynamodb/incident-items';
import { countRequests } from '../../functions/adapters/dynamodb/request-counter';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import { OutboxMessenger } from '../../functions/adapters/local/outbox-messenger';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import { ActiveIncidents } from '../../functions/domain/incidents/active-incidents';
import { declareIncident, type IncidentDeps } from '../../functions/domain/incidents/declare';
import { incidentMessageId } from '../../functions/domain/incidents/incident';
import { sendDueNotices } from '../../functions/domain/incidents/notify';
import { intake } from '../../functions/domain/intake/intake';
import type { OutboundParts } from '../../functions/shared/outbound';
import { aContact, type IntakeHarness, startIntakeHarness } from '../support/intake-harness';
import { outboundOver } from '../support/outbound';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const refs = Array.from({ length: 5 }, (_, i) => makeBookingReference(`80000000${i}`));
const rows = refs.map((reference, i) => ({
  reference,
  pin: '1234',
  status: i === 4 ? 'cancelled' : 'confirmed',
  checkIn: `2026-11-2${5 + (i % 2)}`,
  checkOut: '2026-11-29',
  propertyName: 'Hotel Tejo',
  city: 'Lisbon',
  propertyTimeZone: 'Europe/Lisbon',
  guestName: `Guest ${i}`,
  phone: `+35191200010${i}`,
  language: i === 0 ? 'pt' : 'en',
}));

describe('incidents over DynamoDB', () => {
  let h: IntakeHarness;
  let store: IncidentItems;
  let outbound: OutboundParts;
  let deps: IncidentDeps;

  beforeAll(async () => {
    h = await startIntakeHarness(NOW);
    await h.seed(rows);
    store = new IncidentItems(new TableClient(h.db.documentClient, h.db.tables.main));
    outbound = outboundOver(h, { messengers: { sms: new OutboxMessenger() } });
    deps = {
      store,
      bookings: new BookingSearchItems(new TableClient(h.db.documentClient, h.db.tables.main)),
      clock: h.clock,
      perMinute: 2,
      deliver: outbound.deliver,
      ledger: outbound.ledger,
      cases: h.cases,
    };
  });
  afterAll(() => h.db.stop());

  it('matches the live bookings in the check-in range and paces the notices per minute, each once', async () => {
    // Prepare
    const incident = await declareIncident(deps, {
      title: 'Flood',
      match: { city: 'Lisbon', checkInFrom: '2026-11-25', checkInTo: '2026-11-25' },
      message: { en: 'Flooded.', pt: 'Inundado.' },
      notify: true,
      priority: 1,
    });
    const notify = { ...deps, deliver: outbound.deliver };

    // Act: the same minute twice, then the next minutes
    const sent = [await sendDueNotices(notify), await sendDueNotices(notify)];
    h.clock.advanceMinutes(1);
    sent.push(await sendDueNotices(notify));
    h.clock.advanceMinutes(1);
    sent.push(await sendDueNotices(notify));

    // Assess: refs 0 and 2 check in on the 25th (4, cancelled, is left out)
    expect(incident.bookingRefs).toEqual([refs[0], refs[2]]);
    expect(sent).toEqual([2, 0, 0, 0]);
    const notices = await outbound.ledger.getMany(
      refs.map((r) => incidentMessageId(incident.id, r, 'notice')),
    );
    expect(notices.map((n) => [n.to, n.text, n.status]).sort()).toEqual([
      ['+351912000100', 'Inundado.', 'sent'],
      ['+351912000102', 'Flooded.', 'sent'],
    ]);
    expect((await store.getIncident(incident.id))?.notifiedThrough).toBe(2);
  });

  it('sends a larger incident in per-minute batches', async () => {
    // Prepare
    const incident = await declareIncident(deps, {
      title: 'Strike',
      match: { property: 'HOTEL TEJO' },
      message: { en: 'Strike.' },
      notify: true,
      priority: 2,
    });
    const notify = { ...deps, deliver: outbound.deliver };

    // Act
    const batches = [];
    for (let minute = 0; minute < 3; minute++) {
      batches.push(await sendDueNotices(notify));
      h.clock.advanceMinutes(1);
    }

    // Assess: four live bookings, two a minute
    expect(incident.bookingRefs).toHaveLength(4);
    expect(batches).toEqual([2, 2, 0]);
  });

  it('reads the active incidents once per few seconds, not once per contact', async () => {
    // Prepare
    const lookup = new ActiveIncidents(store, h.clock);
    const counter = countRequests(h.db.client);

    // Act
    const first = await lookup.activeFor(refs[0] as string);
    const reads = counter.total();
    const again = await Promise.all(refs.map((r) => lookup.activeFor(r)));
    counter.detach();

    // Assess: the earliest incident wins for ref 0; the second pass read nothing
    expect(first?.title).toBe('Flood');
    expect(reads).toBe(1);
    expect(counter.total()).toBe(1);
    expect(again.map((i) => i?.title)).toEqual(['Flood', 'Strike', 'Flood', 'Strike', undefined]);
  });

  it('attaches a verified guest contact once, however often it is redelivered, and forgets resolved ones', async () => {
    // Prepare
    const lookup = new ActiveIncidents(store, h.clock);
    const incident = await lookup.activeFor(refs[0] as string);
    const contact = aContact({
      from: '+351912000100',
      text: `Olá, reserva ${refs[0]}`,
      receivedAt: h.clock.now().toISOString(),
    });

    // Act
    const first = await intake({ ...h.deps, incidents: lookup }, contact);
    await intake({ ...h.deps, incidents: lookup }, contact);
    await store.attachCase(incident?.id ?? '', {
      caseNumber: first.record.caseNumber,
      bookingRef: refs[0] as string,
      contactId: first.record.id,
    });
    const resolved = [
      await store.markResolved(incident?.id ?? '', h.clock.now().toISOString(), undefined, undefined),
      await store.markResolved(incident?.id ?? '', h.clock.now().toISOString(), undefined, undefined),
    ];

    // Assess
    expect(first.record.incidentId).toBe(incident?.id);
    expect(first.record.decision.priority).toBe(1);
    expect(first.plan).toMatchObject({ message: { text: expect.stringMatching(/Inundado\.$/) } });
    expect(await store.casesOf(incident?.id ?? '')).toEqual([
      { caseNumber: first.record.caseNumber, bookingRef: refs[0], contactIds: [first.record.id] },
    ]);
    expect(resolved).toEqual([true, false]);
    expect((await store.activeIncidents()).map((i) => i.title)).toEqual(['Strike']);
  });
});
