import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCaseRecords } from '../../functions/adapters/dynamodb/case-records';
import { caseKey } from '../../functions/adapters/dynamodb/keys';
import { countRequests } from '../../functions/adapters/dynamodb/request-counter';
import { RECENT_CONTACT_EVENTS } from '../../functions/domain/cases/full-timeline';
import { latestCase } from '../../functions/domain/cases/latest-case';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { aCase, unique } from './builders';

describe('DynamoCaseRecords: cases and open-case slots', () => {
  let db: Dynalite;
  let store: DynamoCaseRecords;

  beforeAll(async () => {
    db = await startDynalite();
    store = new DynamoCaseRecords(db.documentClient, db.tables.main);
  });
  afterAll(() => db.stop());

  it('creates a case that can be read back by its number', async () => {
    // Prepare
    const kase = aCase();

    // Act
    const outcome = await store.createCase(kase, 'sms:SM1');

    // Assess
    expect(outcome).toBe('created');
    expect(await store.getCase(kase.caseNumber)).toEqual(kase);
  });

  it('answers "exists" when the same contact creates its case again, without overwriting it', async () => {
    // Prepare
    const kase = aCase();
    await store.createCase(kase, 'sms:SM2');
    await store.appendToCase(kase.caseNumber, { type: 'contact', at: '2025-06-01T11:00:00.000Z' }, {});

    // Act
    const outcome = await store.createCase(kase, 'sms:SM2');

    // Assess
    expect(outcome).toBe('exists');
    expect((await store.getCase(kase.caseNumber))?.contactCount).toBe(2);
  });

  it('answers "taken" when another contact already owns the case number', async () => {
    // Prepare
    const kase = aCase();
    await store.createCase(kase, 'sms:SM3');

    // Act
    const outcome = await store.createCase({ ...kase, ownerKey: 'someone-else' }, 'email:other');

    // Assess
    expect(outcome).toBe('taken');
    expect((await store.getCase(kase.caseNumber))?.ownerKey).toBe(kase.ownerKey);
  });

  it('finds the open case of an owner about a booking, and none about another booking', async () => {
    // Prepare
    const kase = aCase({ bookingRef: '1234567897' });
    await store.createCase(kase, 'sms:SM4');
    await store.claimOpenCase(kase.ownerKey, '1234567897', kase.caseNumber);

    // Act
    const found = await latestCase(store, await store.openCases(kase.ownerKey), '1234567897');
    const other = await latestCase(store, await store.openCases(kase.ownerKey), '1000000016');

    // Assess
    expect(found?.caseNumber).toBe(kase.caseNumber);
    expect(other).toBeUndefined();
  });

  it('answers a message naming no booking with the case about none, else the latest open case', async () => {
    // Prepare
    const owner = unique('+3361');
    const older = aCase({ ownerKey: owner, bookingRef: '1234567897', updatedAt: '2025-06-01T08:00:00.000Z' });
    const newer = aCase({ ownerKey: owner, bookingRef: '1000000016', updatedAt: '2025-06-01T09:00:00.000Z' });
    for (const kase of [older, newer]) {
      await store.createCase(kase, `sms:${kase.caseNumber}`);
      await store.claimOpenCase(owner, kase.bookingRef, kase.caseNumber);
    }
    const latest = await latestCase(store, await store.openCases(owner), undefined);
    const general = aCase({ ownerKey: owner, bookingRef: undefined });
    await store.createCase(general, 'sms:general');
    await store.claimOpenCase(owner, undefined, general.caseNumber);

    // Act
    const preferred = await latestCase(store, await store.openCases(owner), undefined);

    // Assess
    expect(latest?.caseNumber).toBe(newer.caseNumber);
    expect(preferred?.caseNumber).toBe(general.caseNumber);
  });

  it('gives two racing claims on one slot the same holder', async () => {
    // Prepare
    const owner = unique('owner-');

    // Act
    const holders = await Promise.all([
      store.claimOpenCase(owner, undefined, 'CR-AAAAA1'),
      store.claimOpenCase(owner, undefined, 'CR-AAAAA2'),
    ]);

    // Assess
    expect(holders[0]).toBe(holders[1]);
    expect(['CR-AAAAA1', 'CR-AAAAA2']).toContain(holders[0]);
  });

  it('lets the holder claim its own slot again', async () => {
    // Prepare
    const owner = unique('owner-');
    await store.claimOpenCase(owner, undefined, 'CR-BBBBB1');

    // Act
    const holder = await store.claimOpenCase(owner, undefined, 'CR-BBBBB1');

    // Assess
    expect(holder).toBe('CR-BBBBB1');
  });

  it('appends events and updates the routing summary', async () => {
    // Prepare
    const kase = aCase();
    await store.createCase(kase, 'sms:SM5');

    // Act
    await store.appendToCase(
      kase.caseNumber,
      { type: 'contact', at: '2025-06-01T12:00:00.000Z', channel: 'email' },
      { queue: 'fr-team', priority: 1 },
    );

    // Assess
    const stored = await store.getCase(kase.caseNumber);
    expect(stored).toMatchObject({ queue: 'fr-team', priority: 1, contactCount: 2, topic: kase.topic });
    expect(stored?.updatedAt).toBe('2025-06-01T12:00:00.000Z');
    expect(stored?.timeline.at(-1)).toEqual({
      type: 'contact',
      at: '2025-06-01T12:00:00.000Z',
      channel: 'email',
    });
  });

  it('appends a contact to a case once, however often a crashed intake retries it', async () => {
    // Prepare
    const kase = aCase();
    await store.createCase(kase, 'sms:SM7');
    const event = { type: 'contact' as const, at: '2025-06-01T12:00:00.000Z', contactId: 'sms:SM8' };

    // Act
    await Promise.all([
      store.appendToCase(kase.caseNumber, event, {}),
      store.appendToCase(kase.caseNumber, event, {}),
    ]);
    await store.appendToCase(kase.caseNumber, event, {});

    // Assess
    const stored = await store.getCase(kase.caseNumber);
    expect(stored?.contactCount).toBe(2);
    expect(stored?.timeline.filter((e) => e.contactId === 'sms:SM8')).toHaveLength(1);
    expect(stored).not.toHaveProperty('appendedContacts');
  });

  it('never appends the contact that opened a case to it again', async () => {
    // Prepare: the opening contact's intake died after creating the case; its redelivery finds the case
    const kase = aCase();
    await store.createCase(kase, 'sms:SM9');

    // Act
    await store.appendToCase(
      kase.caseNumber,
      { type: 'contact', at: kase.openedAt, contactId: 'sms:SM9' },
      {},
    );

    // Assess
    expect((await store.getCase(kase.caseNumber))?.contactCount).toBe(1);
  });

  it('refuses to append to a case that does not exist', async () => {
    // Act
    const appending = store.appendToCase(
      'CR-NOPE00',
      { type: 'contact', at: '2025-06-01T12:00:00.000Z' },
      {},
    );

    // Assess
    await expect(appending).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('hands the slot to a new case only when it replaces the settled case holding it', async () => {
    // Prepare
    const kase = aCase();
    await store.createCase(kase, 'sms:SM6');
    await store.claimOpenCase(kase.ownerKey, undefined, kase.caseNumber);

    // Act
    const intruder = await store.claimOpenCase(kase.ownerKey, undefined, 'CR-OTHER1');
    const next = await store.claimOpenCase(kase.ownerKey, undefined, 'CR-NEXT01', kase.caseNumber);

    // Assess
    expect(intruder).toBe(kase.caseNumber);
    expect(next).toBe('CR-NEXT01');
  });

  it('lists cases newest first', async () => {
    // Prepare
    const older = aCase({ openedAt: '2999-01-01T10:00:00.000Z' });
    const newer = aCase({ openedAt: '2999-01-02T10:00:00.000Z' });
    await store.createCase(older, 'sms:SM7');
    await store.createCase(newer, 'sms:SM8');

    // Act
    const cases = await store.listCases(2);

    // Assess
    expect(cases.map((c) => c.caseNumber)).toEqual([newer.caseNumber, older.caseNumber]);
  });
  it('keeps every slot of an owner in one item, read with one request', async () => {
    // Prepare
    const owner = unique('owner-');
    await store.claimOpenCase(owner, undefined, 'CR-SLOT00');
    await store.claimOpenCase(owner, '1234567897', 'CR-SLOT01');
    await store.claimOpenCase(owner, '1000000016', 'CR-SLOT02');
    const counter = countRequests(db.client);

    // Act
    const slots = await store.openCases(owner);

    // Assess
    counter.detach();
    expect(counter.counts()).toEqual({ GetItem: 1 });
    expect(slots).toEqual({
      noBooking: 'CR-SLOT00',
      byBooking: { '1234567897': 'CR-SLOT01', '1000000016': 'CR-SLOT02' },
    });
    expect(await store.openCases(unique('owner-'))).toEqual({ noBooking: undefined, byBooking: {} });
  });

  it('saves a case with its latest contact events only, so its item stops growing', async () => {
    // Prepare
    let kase = aCase();
    await store.createCase(kase, 'sms:SMgrow0');
    const sizes: number[] = [];

    // Act: as many follow-ups as the intake would save, one lifecycle save each
    for (let n = 1; n <= RECENT_CONTACT_EVENTS + 30; n++) {
      const at = new Date(Date.parse(kase.updatedAt) + 60_000).toISOString();
      const event = { type: 'contact' as const, at, contactId: `sms:SMgrow${n}` };
      const next = { ...kase, contactCount: kase.contactCount + 1, updatedAt: at };
      expect(await store.saveCase(next, kase.updatedAt, [event])).toBe('saved');
      kase = (await store.getCase(kase.caseNumber)) as typeof kase;
      const raw = await db.documentClient.send(
        new GetCommand({ TableName: db.tables.main, Key: caseKey(kase.caseNumber) }),
      );
      sizes.push(JSON.stringify(raw.Item).length);
    }

    // Assess: all contacts counted, the opening kept, the latest contact events kept, the size flat
    expect(kase.contactCount).toBe(RECENT_CONTACT_EVENTS + 31);
    expect(kase.timeline[0]?.type).toBe('opened');
    const contacts = kase.timeline.filter((e) => e.type === 'contact');
    expect(contacts).toHaveLength(RECENT_CONTACT_EVENTS);
    expect(contacts.at(-1)?.contactId).toBe(`sms:SMgrow${RECENT_CONTACT_EVENTS + 30}`);
    expect(sizes.at(-1)).toBeLessThanOrEqual((sizes[RECENT_CONTACT_EVENTS] as number) + 100);
  });

  it('refuses a save over a revision it did not read, even after the timeline was bounded', async () => {
    // Prepare
    const kase = aCase();
    await store.createCase(kase, 'sms:SMrev0');
    const read = (await store.getCase(kase.caseNumber)) as typeof kase;
    const at = '2025-06-01T10:05:00.000Z';
    await store.saveCase({ ...read, updatedAt: at }, read.updatedAt, [{ type: 'note', at, note: 'first' }]);

    // Act
    const stale = await store.saveCase({ ...read, updatedAt: at }, read.updatedAt, [
      { type: 'note', at, note: 'lost' },
    ]);

    // Assess
    expect(stale).toBe('conflict');
    const notes = (await store.getCase(kase.caseNumber))?.timeline.filter((e) => e.type === 'note');
    expect(notes?.map((e) => e.note)).toEqual(['first']);
  });
});
