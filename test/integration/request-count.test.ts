import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { caseKey } from '../../functions/adapters/dynamodb/keys';
import { countRequests, type RequestCounter } from '../../functions/adapters/dynamodb/request-counter';
import { intake } from '../../functions/domain/intake/intake';
import { receiveMessage } from '../../functions/domain/messaging/receive-message';
import { CachedQueueLoad } from '../../functions/domain/routing/queue-load';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { aContact as aSms, type IntakeHarness, startIntakeHarness } from '../support/intake-harness';
import { outboundOver } from '../support/outbound';
import { aCase, aContact } from './builders';

describe('countRequests', () => {
  let db: Dynalite;
  let counter: RequestCounter;

  beforeAll(async () => {
    db = await startDynalite();
    counter = countRequests(db.documentClient);
  });
  afterAll(() => db.stop());

  it('counts the requests of a new contact on a new case, per operation', async () => {
    // Prepare
    const store = new DynamoCaseStore(db.documentClient, db.tables.main);
    const kase = aCase();
    const contact = aContact({ caseNumber: kase.caseNumber });
    counter.reset();

    // Act
    await store.openCases(kase.ownerKey);
    await store.createCase(kase, contact.id);
    await store.claimOpenCase(kase.ownerKey, undefined, kase.caseNumber);
    await store.putContactOnce(contact);
    await store.markHandedOff(contact.id, { ok: true });

    // Assess: the owner's slots are one item, claimed in place.
    expect(counter.counts()).toEqual({ GetItem: 1, PutItem: 2, UpdateItem: 2 });
    expect(counter.total()).toBe(5);
  });

  it('stops counting once detached', async () => {
    // Prepare
    const store = new DynamoCaseStore(db.documentClient, db.tables.main);
    const spare = countRequests(db.client);
    spare.detach();

    // Act
    await store.getContact('sms:SMnone');

    // Assess
    expect(spare.total()).toBe(0);
    expect(counter.total()).toBeGreaterThan(0);
  });
});

describe('DynamoDB requests of the intake, main table apart from the local waiting lists', () => {
  let h: IntakeHarness;
  let main: RequestCounter;
  let waiting: RequestCounter;

  beforeAll(async () => {
    h = await startIntakeHarness(new Date('2026-11-23T10:00:00.000Z'));
    main = countRequests(h.db.client, { table: h.db.tables.main });
    waiting = countRequests(h.db.client, { table: h.db.tables.waitingLists });
  });
  afterAll(() => h.db.stop());

  it('costs a new SMS on a new case and a follow-up on it their requests', async () => {
    // Prepare
    const from = '+447700900555';
    main.reset();
    waiting.reset();

    // Act
    await intake(h.deps, aSms({ from, text: 'Can I add breakfast?', languageHint: 'en' }));
    const opening = { main: main.counts(), waiting: waiting.total() };
    main.reset();
    waiting.reset();
    await intake(h.deps, aSms({ from, text: 'Any news?', languageHint: 'en' }));
    const followUp = { main: main.counts(), waiting: waiting.total() };

    // Assess: the contact, the customer and the sender's open cases are one BatchGetItem; a new case
    // then writes the contact's pin, the case, its slot and the contact; a follow-up reads its case
    // instead and saves it once. The waiting entry (Connect's local stand-in) is read and written once.
    expect(opening).toEqual({ main: { BatchGetItem: 1, PutItem: 3, UpdateItem: 1 }, waiting: 2 });
    expect(followUp).toEqual({
      main: { BatchGetItem: 1, GetItem: 1, PutItem: 2, UpdateItem: 1 },
      waiting: 2,
    });
  });

  it('keeps an SMS through the messaging door within 8 requests for a new case, 6 for a follow-up and 1 again', async () => {
    // Prepare
    const from = '+447700900556';
    const outbound = outboundOver(h, { perHour: 10 });
    const deps = { intake: h.deps, deliver: outbound.deliver, guests: outbound.guests };
    const followUp = aSms({ from, text: 'Any news?', languageHint: 'en' });
    main.reset();

    // Act
    await receiveMessage(deps, aSms({ from, text: 'Can I add breakfast?', languageHint: 'en' }));
    const opening = main.counts();
    main.reset();
    const answered = await receiveMessage(deps, followUp);
    const following = main.counts();
    main.reset();
    const redelivered = await receiveMessage(deps, { ...followUp });
    const again = main.counts();

    // Assess: deliver adds its rate counter (and a new case's "acknowledged" entry); the answer's
    // ledger record goes with the contact's PutItem, so a redelivery reads it with the contact
    expect(opening).toEqual({ BatchGetItem: 1, PutItem: 3, UpdateItem: 3 });
    expect(following).toEqual({ BatchGetItem: 1, GetItem: 1, PutItem: 2, UpdateItem: 2 });
    expect(again).toEqual({ BatchGetItem: 1 });
    expect(redelivered).toMatchObject({ answer: answered.answer, delivery: answered.delivery });
    // Issue 20's budget
    expect(Object.values(opening).reduce((sum, n) => sum + n)).toBeLessThanOrEqual(8);
    expect(Object.values(following).reduce((sum, n) => sum + n)).toBeLessThanOrEqual(6);
  });

  it('costs the 120th follow-up on a case what the 1st costs, and keeps the case item small', async () => {
    // Prepare
    const from = '+447700900557';
    await intake(h.deps, aSms({ from, text: 'Can I add breakfast?', languageHint: 'en' }));
    const costOf = async (n: number) => {
      main.reset();
      const result = await intake(h.deps, aSms({ from, text: `Any news? (${n})`, languageHint: 'en' }));
      return { requests: main.counts(), caseNumber: result.record.caseNumber };
    };
    const sizeOf = async (caseNumber: string) => {
      const raw = await h.db.documentClient.send(
        new GetCommand({ TableName: h.db.tables.main, Key: caseKey(caseNumber) }),
      );
      return JSON.stringify(raw.Item).length;
    };

    // Act
    const first = await costOf(1);
    for (let n = 2; n < 60; n++) await costOf(n);
    const sizeAt60 = await sizeOf(first.caseNumber);
    for (let n = 60; n < 120; n++) await costOf(n);
    const last = await costOf(120);
    const sizeAt120 = await sizeOf(first.caseNumber);

    // Assess: same requests, same case, an item that stopped growing; the contacts all count
    expect(last).toEqual(first);
    expect(sizeAt120).toBeLessThanOrEqual(sizeAt60 + 200);
    expect((await h.cases.getCase(first.caseNumber))?.contactCount).toBe(121);
  });
});

describe('DynamoDB requests of load shedding (the waiting lists read through CachedQueueLoad)', () => {
  let h: IntakeHarness;
  let main: RequestCounter;
  let waiting: RequestCounter;

  beforeAll(async () => {
    h = await startIntakeHarness(new Date('2026-11-23T10:00:00.000Z'));
    main = countRequests(h.db.client, { table: h.db.tables.main });
    waiting = countRequests(h.db.client, { table: h.db.tables.waitingLists });
  });
  afterAll(() => h.db.stop());

  it('adds one Scan of the waiting lists per process every 5 seconds and nothing to the SMS budgets', async () => {
    // Prepare: the shipped policy sheds, so the intake reads the counts
    const outbound = outboundOver(h, { perHour: 10 });
    const intakeDeps = { ...h.deps, queueLoad: new CachedQueueLoad(h.center, h.clock) };
    const deps = { intake: intakeDeps, deliver: outbound.deliver, guests: outbound.guests };
    const from = '+447700900600';
    const cost = async (text: string) => {
      main.reset();
      waiting.reset();
      await receiveMessage(deps, aSms({ from, text, languageHint: 'en' }));
      return { main: main.total(), waiting: waiting.counts() };
    };

    // Act: a new case (cold cache), a follow-up within 5 s, another once 5 s have passed
    const cold = await cost('Can I add breakfast?');
    h.clock.current = new Date('2026-11-23T10:00:04.000Z');
    const warm = await cost('Any news?');
    h.clock.current = new Date('2026-11-23T10:00:05.000Z');
    const stale = await cost('Any news now?');

    // Assess: issue 20's budgets (new SMS 7, follow-up 6) hold; the waiting lists see their hand-off
    // (GetItem + PutItem) and, only when the copy is cold or 5 s old, one Scan
    expect([cold.main, warm.main, stale.main]).toEqual([7, 6, 6]);
    expect(cold.waiting).toEqual({ Scan: 1, GetItem: 1, PutItem: 1 });
    expect(warm.waiting).toEqual({ GetItem: 1, PutItem: 1 });
    expect(stale.waiting).toEqual({ Scan: 1, GetItem: 1, PutItem: 1 });
  });
});
