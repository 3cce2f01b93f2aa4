import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { countRequests, type RequestCounter } from '../../functions/adapters/dynamodb/request-counter';
import { intake } from '../../functions/domain/intake/intake';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { aContact as aSms, type IntakeHarness, startIntakeHarness } from '../support/intake-harness';
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
    await store.findLatestCase(kase.ownerKey, undefined);
    await store.createCase(kase, contact.id);
    await store.claimOpenCase(kase.ownerKey, undefined, kase.caseNumber);
    await store.putContactOnce(contact);
    await store.markHandedOff(contact.id, { ok: true });

    // Assess
    // Naming no booking, the open-case lookup reads all of the owner's slots in one Query.
    expect(counter.counts()).toEqual({ Query: 1, PutItem: 3, UpdateItem: 1 });
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

    // Assess: a new case reads the contact, the customer and the owner's slots, writes the contact's
    // pin, the case, the slot and the contact; a follow-up reads the case instead of creating it and
    // saves it once. The waiting entry (the local stand-in for Connect) is read and written once.
    expect(opening).toEqual({ main: { GetItem: 2, PutItem: 4, Query: 1 }, waiting: 2 });
    expect(followUp).toEqual({ main: { GetItem: 3, PutItem: 2, Query: 1, UpdateItem: 1 }, waiting: 2 });
  });
});
