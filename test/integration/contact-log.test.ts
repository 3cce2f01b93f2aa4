import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoContactLog } from '../../functions/adapters/dynamodb/contact-log';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { aContact, unique } from './builders';

describe('DynamoContactLog: contacts and their case pins', () => {
  let db: Dynalite;
  let store: DynamoContactLog;

  beforeAll(async () => {
    db = await startDynalite();
    store = new DynamoContactLog(db.documentClient, db.tables.main);
  });
  afterAll(() => db.stop());

  it('stores a contact once and hands back the first one on redelivery', async () => {
    // Prepare
    const first = aContact();
    await store.putContactOnce(first);

    // Act
    const again = await store.putContactOnce({ ...first, text: 'redelivered copy' });

    // Assess
    expect(again).toEqual({ created: false, existing: first });
    expect(await store.getContact(first.id)).toEqual(first);
  });

  it('lets exactly one of five concurrent deliveries create the contact', async () => {
    // Prepare
    const contact = aContact();

    // Act
    const results = await Promise.all(Array.from({ length: 5 }, () => store.putContactOnce(contact)));

    // Assess
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results.filter((r) => !r.created)).toHaveLength(4);
  });

  it('returns undefined for a contact never received', async () => {
    // Act
    const found = await store.getContact('sms:SMnever');

    // Assess
    expect(found).toBeUndefined();
  });

  it('lists pending hand-offs oldest first and drops one once handed off', async () => {
    // Prepare
    const older = aContact({ receivedAt: '2020-01-01T09:00:00.000Z' });
    const newer = aContact({ receivedAt: '2020-01-01T09:05:00.000Z' });
    await store.putContactOnce(newer);
    await store.putContactOnce(older);

    // Act
    const mine = (list: { id: string }[]) =>
      list.map((c) => c.id).filter((id) => id === older.id || id === newer.id);
    const before = mine(await store.listPendingHandoffs(100));
    await store.markHandedOff(older.id, { ok: true });
    const after = mine(await store.listPendingHandoffs(100));

    // Assess
    expect(before).toEqual([older.id, newer.id]);
    expect(after).toEqual([newer.id]);
    expect((await store.getContact(older.id))?.handoff).toBe('done');
  });

  it('keeps a failed hand-off pending, counting the attempt and keeping the error', async () => {
    // Prepare
    const contact = aContact({ receivedAt: '2019-01-01T00:00:00.000Z' });
    await store.putContactOnce(contact);

    // Act
    await store.markHandedOff(contact.id, { ok: false, error: 'connect: ThrottlingException' });
    await store.markHandedOff(contact.id, { ok: false, error: 'connect: ServiceUnavailable' });

    // Assess
    // Found by id, not position: other tests in this file leave pending contacts too.
    const first = (await store.listPendingHandoffs(100)).find((c) => c.id === contact.id);
    expect(first).toMatchObject({
      id: contact.id,
      handoff: 'pending',
      handoffAttempts: 2,
      handoffError: 'connect: ServiceUnavailable',
    });
  });

  it('puts a contact marked done too early back on the pending list when its hand-off then fails', async () => {
    // Prepare: a door recorded the contact as handed off before the waiting list took it
    const contact = aContact({ receivedAt: '2019-01-02T00:00:00.000Z' });
    await store.putContactOnce(contact);
    await store.markHandedOff(contact.id, { ok: true });

    // Act
    await store.markHandedOff(contact.id, { ok: false, error: 'local-contact-center: down' });

    // Assess
    const pending = (await store.listPendingHandoffs(1000)).find((c) => c.id === contact.id);
    expect(pending).toMatchObject({ handoff: 'pending', handoffError: 'local-contact-center: down' });
  });

  it('clears the error of a hand-off that succeeds after failing', async () => {
    // Prepare
    const contact = aContact();
    await store.putContactOnce(contact);
    await store.markHandedOff(contact.id, { ok: false, error: 'connect down' });

    // Act
    await store.markHandedOff(contact.id, { ok: true });

    // Assess
    const stored = await store.getContact(contact.id);
    expect(stored?.handoff).toBe('done');
    expect(stored).not.toHaveProperty('handoffError');
  });

  it('refuses to mark a contact that does not exist', async () => {
    // Act
    const marking = store.markHandedOff('sms:SMghost', { ok: true });

    // Assess
    await expect(marking).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('lists the contacts of a case in the order they arrived', async () => {
    // Prepare
    const caseNumber = unique('CR-');
    const second = aContact({ caseNumber, receivedAt: '2025-06-01T11:00:00.000Z', channel: 'email' });
    const first = aContact({ caseNumber, receivedAt: '2025-06-01T10:00:00.000Z' });
    await store.putContactOnce(second);
    await store.putContactOnce(first);
    await store.putContactOnce(aContact());

    // Act
    const contacts = await store.listContactsOfCase(caseNumber);

    // Assess
    expect(contacts).toEqual([first, second]);
  });

  it('remembers the first case a contact was routed to, whichever attempt asks later', async () => {
    // Act
    const racing = await Promise.all([
      store.pinContactCase('sms:SM20', 'CR-AAAAAA'),
      store.pinContactCase('sms:SM20', 'CR-BBBBBB'),
    ]);
    const later = await store.pinContactCase('sms:SM20', 'own');

    // Assess
    expect(racing[0]).toBe(racing[1]);
    expect(later).toBe(racing[0]);
    expect(await store.pinContactCase('sms:SM21', 'own')).toBe('own');
    expect(await store.getContact('sms:SM20')).toBeUndefined();
  });

  it('lets DynamoDB expire a contact pin after 30 days, past the 14 days a dead letter can wait', async () => {
    // Act
    await store.pinContactCase('sms:SM22', 'own');

    // Assess
    const { Item } = await db.documentClient.send(
      new GetCommand({ TableName: db.tables.main, Key: { pk: 'CONTACT#sms:SM22', sk: 'CASE' } }),
    );
    const days = (Number(Item?.ttl) - Date.now() / 1000) / 86_400;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });
});
