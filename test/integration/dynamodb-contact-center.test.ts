import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoContactCenter } from '../../functions/adapters/local/dynamodb-contact-center';
import { entrySortKey } from '../../functions/adapters/local/waiting-list-keys';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { aHandOff, unique } from './builders';

describe('DynamoContactCenter: local waiting lists', () => {
  let db: Dynalite;
  let centre: DynamoContactCenter;

  beforeAll(async () => {
    db = await startDynalite();
    centre = new DynamoContactCenter(db.documentClient, db.tables.waitingLists);
  });
  afterAll(() => db.stop());

  it('lines contacts up by priority, then by arrival', async () => {
    // Prepare
    const queue = unique('q-');
    const lateUrgent = aHandOff({ queue, priority: 1, receivedAt: '2025-06-01T10:30:00.000Z' });
    const early = aHandOff({ queue, priority: 5, receivedAt: '2025-06-01T10:00:00.000Z' });
    const late = aHandOff({ queue, priority: 5, receivedAt: '2025-06-01T10:20:00.000Z' });
    const vip = aHandOff({ queue, priority: 2, receivedAt: '2025-06-01T10:40:00.000Z' });

    // Act
    for (const h of [late, vip, early, lateUrgent]) await centre.handOff(h);

    // Assess
    const waiting = await centre.listQueue(queue);
    expect(waiting.map((h) => h.contactId)).toEqual([lateUrgent, vip, early, late].map((h) => h.contactId));
    expect(waiting[0]).toEqual(lateUrgent);
  });

  it('queues a contact handed off twice only once, with the same external id', async () => {
    // Prepare
    const queue = unique('q-');
    const handOff = aHandOff({ queue });

    // Act
    const first = await centre.handOff(handOff);
    const second = await centre.handOff({ ...handOff, priority: 1 });

    // Assess
    expect(second).toEqual(first);
    expect(await centre.listQueue(queue)).toHaveLength(1);
  });

  it('completes a hand-off cut short after its marker when the same hand-off is retried', async () => {
    // Prepare: the process died after writing the marker, before the waiting-list entry
    const queue = unique('q-');
    const handOff = aHandOff({ queue });
    await centre.handOff(handOff);
    await db.documentClient.send(
      new DeleteCommand({
        TableName: db.tables.waitingLists,
        Key: { pk: `QUEUE#${queue}`, sk: entrySortKey(handOff) },
      }),
    );

    // Act
    await centre.handOff(handOff);

    // Assess
    expect((await centre.listQueue(queue)).map((h) => h.contactId)).toEqual([handOff.contactId]);
  });

  it('never queues again a contact an agent has taken', async () => {
    // Prepare
    const queue = unique('q-');
    const handOff = aHandOff({ queue });
    await centre.handOff(handOff);
    await centre.take(queue);

    // Act
    await centre.handOff(handOff);

    // Assess
    expect(await centre.listQueue(queue)).toEqual([]);
  });

  it('gives the first waiting contact to the agent who takes one, and none from an empty queue', async () => {
    // Prepare
    const queue = unique('q-');
    const urgent = aHandOff({ queue, priority: 1 });
    const routine = aHandOff({ queue, priority: 4 });
    await centre.handOff(routine);
    await centre.handOff(urgent);

    // Act
    const taken = [await centre.take(queue), await centre.take(queue), await centre.take(queue)];

    // Assess
    expect(taken.map((h) => h?.contactId)).toEqual([urgent.contactId, routine.contactId, undefined]);
    expect(await centre.listQueue(queue)).toEqual([]);
  });

  it('never gives one contact to two agents taking at the same time', async () => {
    // Prepare
    const queue = unique('q-');
    for (let i = 0; i < 3; i++) await centre.handOff(aHandOff({ queue }));

    // Act
    const taken = await Promise.all(Array.from({ length: 5 }, () => centre.take(queue)));

    // Assess
    const ids = taken.flatMap((h) => (h ? [h.contactId] : []));
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });

  it('lists every queue with its contacts in serving order', async () => {
    // Prepare
    const [a, b] = [unique('qa-'), unique('qb-')];
    const second = aHandOff({ queue: a, priority: 3 });
    const first = aHandOff({ queue: a, priority: 2 });
    const only = aHandOff({ queue: b });
    for (const h of [second, only, first]) await centre.handOff(h);

    // Act
    const all = await centre.listAll();

    // Assess
    expect(all[a]?.map((h) => h.contactId)).toEqual([first.contactId, second.contactId]);
    expect(all[b]).toEqual([only]);
  });

  it('reports everyone staffed by default and an empty team once set', async () => {
    // Prepare
    const before = await centre.staffing();

    // Act
    centre.setStaffing({ 'fr-team': 0 });

    // Assess
    expect(before).toEqual({});
    expect(await centre.staffing()).toEqual({ 'fr-team': 0 });
    centre.setStaffing({});
  });

  it('fails hand-offs while told to, as a DependencyError, and recovers after', async () => {
    // Prepare
    const queue = unique('q-');
    centre.failWith(new Error('contact centre unreachable'));

    // Act
    const failing = centre.handOff(aHandOff({ queue }));

    // Assess
    await expect(failing).rejects.toMatchObject({ name: 'DependencyError', retryable: true });
    await expect(centre.staffing()).rejects.toThrow('contact centre unreachable');
    centre.failWith(undefined);
    await centre.handOff(aHandOff({ queue }));
    expect(await centre.listQueue(queue)).toHaveLength(1);
  });
});
