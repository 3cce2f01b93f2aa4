import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { countRequests, type RequestCounter } from '../../functions/adapters/dynamodb/request-counter';
import { type Dynalite, startDynalite } from '../support/dynalite';
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
