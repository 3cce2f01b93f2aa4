// The erase-guest Lambda as deployed, over what booking updates and incidents leave of a guest: the real
// intake, import, notices, incidents and outbound ledger on dynalite; S3 and Connect mocked at the SDK.
import { ConnectClient, StopContactCommand } from '@aws-sdk/client-connect';
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingSearchItems } from '../../functions/adapters/dynamodb/booking-search';
import { DynamoErasureStore } from '../../functions/adapters/dynamodb/erasure-store';
import { IncidentItems } from '../../functions/adapters/dynamodb/incident-items';
import { countRequests } from '../../functions/adapters/dynamodb/request-counter';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import { makeBookingReference } from '../../functions/domain/booking-reference';
import { ActiveIncidents } from '../../functions/domain/incidents/active-incidents';
import { declareIncident, type IncidentDeps, notifiedCount } from '../../functions/domain/incidents/declare';
import { sendDueNotices } from '../../functions/domain/incidents/notify';
import { intake } from '../../functions/domain/intake/intake';
import { eraseGuest } from '../../functions/domain/privacy/erase-guest';
import { eraseGuestHandler } from '../../functions/handlers/erase-guest';
import { wireEraseGuest } from '../../functions/wiring/erase-guest';
import { ERASURE_TABLE_ACTIONS } from '../../infra/constructs/erasure-grants';
import { type BookingUpdates, bookingUpdatesOver } from '../support/booking-updates';
import { aContact, type IntakeHarness, startIntakeHarness } from '../support/intake-harness';
import { connectMock, lambdaEnv } from '../support/lambda-env';

// Monday 23 Nov 2026, 10:00 in Lisbon: daytime for the guest, 23:00 in Auckland.
const NOW = new Date('2026-11-23T10:00:00.000Z');
const s3Mock = mockClient(S3Client);

/** One guest with two bookings in Lisbon; `n` keeps the guests of the tests apart. */
function guestOf(n: number) {
  const refs = [makeBookingReference(`70000010${n}`), makeBookingReference(`70000020${n}`)] as const;
  const person = {
    pin: '2468',
    status: 'confirmed',
    propertyName: 'Hotel Tejo',
    city: 'Lisbon',
    propertyTimeZone: 'Europe/Lisbon',
    guestName: `Mateus Rocha${n}`,
    phone: `+35191234500${n}`,
    email: `mateus.rocha${n}@example.pt`,
    language: 'pt',
    refundStatus: 'requested',
  };
  return {
    ...person,
    refs,
    flooded: { ...person, reference: refs[0], checkIn: '2026-11-25', checkOut: '2026-11-28' },
    later: { ...person, reference: refs[1], checkIn: '2027-03-01', checkOut: '2027-03-04' },
    words: `Sou o Mateus, reserva ${refs[0]}: a água entrou no quarto ${n}`,
  };
}

describe('erase-guest Lambda over booking updates and incidents', () => {
  let h: IntakeHarness;
  let u: BookingUpdates;
  let incidents: IncidentItems;
  let deps: IncidentDeps;
  const connect = new ConnectClient({ region: 'eu-west-1' });

  const scanAll = async () => {
    const out = await h.db.documentClient.send(new ScanCommand({ TableName: h.db.tables.main }));
    return JSON.stringify(out.Items ?? [], (_k, v) => (v instanceof Set ? [...v] : v));
  };
  const invoke = (payload: unknown) =>
    eraseGuestHandler(() =>
      wireEraseGuest(lambdaEnv(h.db, { RAW_MAIL_BUCKET: 'raw', QUARANTINE_PREFIX: 'quarantine/' }), {
        dynamo: h.db.documentClient,
        s3: new S3Client({ region: 'eu-west-1' }),
        connect,
      }),
    )(payload, {} as Context);

  beforeAll(async () => {
    h = await startIntakeHarness(NOW);
    u = bookingUpdatesOver(h);
    const table = new TableClient(h.db.documentClient, h.db.tables.main);
    incidents = new IncidentItems(table);
    deps = {
      store: incidents,
      bookings: new BookingSearchItems(table),
      clock: h.clock,
      perMinute: 60,
      deliver: u.outbound.deliver,
      ledger: u.outbound.ledger,
      cases: h.cases,
    };
    s3Mock.on(DeleteObjectCommand).resolves({});
    connectMock.on(StopContactCommand).resolves({});
  });
  afterAll(() => h.db.stop());

  /**
   * What the features leave of a guest: an incident at their hotel tells them by SMS, they write about
   * it (a verified contact, attached), their refund is paid (told at once, recorded on their open case)
   * and the other stay's dates move at night where they now are (held for the morning).
   */
  async function onRecord(n: number) {
    const guest = guestOf(n);
    await h.seed([guest.flooded, guest.later]);
    const incident = await declareIncident(deps, {
      title: `Flood ${n}`,
      match: { bookingRefs: [guest.refs[0]] },
      message: { pt: 'O hotel está inundado; vamos realojá-lo.' },
      notify: true,
      priority: 1,
    });
    await sendDueNotices(deps as Parameters<typeof sendDueNotices>[0]);
    const lookup = new ActiveIncidents(incidents, h.clock);
    const contact = aContact({ from: guest.phone, text: guest.words, receivedAt: NOW.toISOString() });
    await intake({ ...h.deps, incidents: lookup }, contact);
    await u.importRows([{ ...guest.later, refundStatus: 'paid' }]);
    await u.importRows([
      {
        ...guest.later,
        refundStatus: 'paid',
        guestTimeZone: 'Pacific/Auckland',
        checkIn: '2027-03-02',
        checkOut: '2027-03-05',
      },
    ]);
    return { guest, incident };
  }

  it('leaves none of the guest’s phone, email, name, words or bookings in the table; the counts stay', async () => {
    // Prepare
    const { guest, incident } = await onRecord(1);
    const before = await scanAll();
    const requests = countRequests(h.db.documentClient, { table: h.db.tables.main });
    // Act
    const result = await invoke({ phone: guest.phone });
    requests.detach();
    // Assess: the premise held, and every trace is gone
    for (const trace of [guest.phone, guest.email, 'Mateus', 'reembolso', 'NOTICE#', 'DUENOTICES'])
      expect(before, trace).toContain(trace);
    expect(result.erased).toMatchObject({ customers: 1, cases: 1, contacts: 1, bookings: 2, notices: 2 });
    // The incident's notice and the refund's notification (the intake's own answer went by no ledger here).
    expect(result.erased).toMatchObject({ incidents: 1, outbox: 2 });
    const after = await scanAll();
    for (const trace of [
      guest.phone,
      guest.email,
      'Mateus',
      'Rocha',
      'água entrou',
      'reembolso',
      ...guest.refs,
    ])
      expect(after.includes(trace), trace).toBe(false);
    expect(after).not.toContain('DUENOTICES');
    // Only what its role is granted (infra/constructs/erasure-grants.ts): no Scan, DeleteItem or BatchGetItem.
    const granted = ERASURE_TABLE_ACTIONS.map((action) => action.replace('dynamodb:', ''));
    expect(Object.keys(requests.counts())).toEqual(expect.arrayContaining(['Query', 'BatchWriteItem']));
    expect(granted).toEqual(expect.arrayContaining(Object.keys(requests.counts())));
    const stored = await incidents.getIncident(incident.id);
    expect(stored).toMatchObject({ bookingRefs: ['erased-1'], match: { bookingRefs: ['erased-1'] } });
    expect(await notifiedCount(deps, stored ?? incident)).toBe(1);
    expect(await incidents.casesOf(incident.id)).toEqual([
      expect.objectContaining({ bookingRef: 'erased-1', contactIds: [], erasedContacts: 1 }),
    ]);
    // Asked again, the Lambda finds nothing more.
    expect(Object.values((await invoke({ email: guest.email })).erased)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('takes the guest’s booking out of a resolved incident’s list of guests who wrote', async () => {
    // Prepare: an incident that told nobody ahead; the guest wrote, and the resolve listed who to tell.
    const guest = guestOf(4);
    await h.seed([guest.flooded]);
    const incident = await declareIncident(deps, {
      title: 'Lift out of order',
      match: { bookingRefs: [guest.refs[0]] },
      message: { pt: 'O elevador está avariado.' },
      notify: false,
      priority: 3,
    });
    const contact = aContact({ from: guest.phone, text: guest.words, receivedAt: NOW.toISOString() });
    await intake({ ...h.deps, incidents: new ActiveIncidents(incidents, h.clock) }, contact);
    await incidents.markResolved(incident.id, NOW.toISOString(), { pt: 'Reparado.' }, [guest.refs[0]]);
    // Act
    await invoke({ phone: guest.phone });
    // Assess
    expect(await incidents.getIncident(incident.id)).toMatchObject({ resolvedGuests: ['erased-1'] });
    expect(await scanAll()).not.toContain(guest.refs[0]);
  });

  it('finishes an erasure cut short when it is run again, moving each message once', async () => {
    // Prepare: an erasure that stops after moving the messages, before the incident forgets the booking
    const { guest, incident } = await onRecord(2);
    const movedBefore = (await scanAll()).match(/"OUTBOUND#notify:ER-/g)?.length ?? 0;
    const store = new DynamoErasureStore(h.db.documentClient, h.db.tables.main);
    const failing = Object.assign(Object.create(store) as DynamoErasureStore, {
      replaceIncidentRef: async () => {
        throw new Error('the Lambda timed out');
      },
    });
    const erasureDeps = {
      store: failing,
      rawMail: { eraseReceived: async () => false, eraseSent: async () => 0 },
      center: { withdraw: async () => {} },
      clock: h.clock,
      newErasureId: () => 'ER-first',
      audit: () => {},
    };
    await expect(eraseGuest(erasureDeps, { kind: 'phone', value: guest.phone })).rejects.toThrow(/timed out/);
    const halfway = await scanAll();
    // Act
    await invoke({ phone: guest.phone });
    // Assess: the first run's message stayed where it moved, and nothing is left twice or of the guest
    expect(halfway).toContain(guest.phone);
    expect(halfway).toContain('"OUTBOUND#notify:ER-first:');
    const after = await scanAll();
    for (const trace of [guest.phone, guest.email, 'Mateus', 'reembolso', ...guest.refs])
      expect(after.includes(trace), trace).toBe(false);
    expect(after.match(/"OUTBOUND#notify:ER-first:\d"/g)).toHaveLength(1);
    expect(after.match(/"OUTBOUND#notify:ER-/g)).toHaveLength(movedBefore + 1);
    const stored = await incidents.getIncident(incident.id);
    expect(stored?.bookingRefs).toEqual(['erased-1']);
    expect(await notifiedCount(deps, stored ?? incident)).toBe(1);
  });

  it('leaves another guest’s notices and incident alone when a stranger who named their booking is erased', async () => {
    // Prepare: a stranger writes about guest 3's booking from their own number (never verified)
    const { guest, incident } = await onRecord(3);
    const stranger = '+351939000004';
    for (const reference of guest.refs)
      await intake(
        { ...h.deps, incidents: new ActiveIncidents(incidents, h.clock) },
        aContact({ from: stranger, text: `Reserva ${reference}?`, receivedAt: NOW.toISOString() }),
      );
    const scanned = await h.db.documentClient.send(new ScanCommand({ TableName: h.db.tables.main }));
    const named = scanned.Items?.filter((item) => item.from === stranger).map((item) => item.bookingRef);
    // Act
    const result = await invoke({ phone: stranger });
    // Assess: the erasure did look at guest 3's bookings (the stranger's contacts named them)
    expect(named?.sort()).toEqual([...guest.refs].sort());
    expect(result.erased).toMatchObject({ contacts: 2, notices: 0, incidents: 0, outbox: 0, bookings: 0 });
    const after = await scanAll();
    expect(after).not.toContain(stranger);
    for (const trace of [guest.phone, guest.guestName, `"NOTICE#notify:${guest.refs[1]}:`, 'reembolso'])
      expect(after, trace).toContain(trace);
    expect((await incidents.getIncident(incident.id))?.bookingRefs).toEqual([guest.refs[0]]);
    expect(await notifiedCount(deps, incident)).toBe(1);
  });
});
