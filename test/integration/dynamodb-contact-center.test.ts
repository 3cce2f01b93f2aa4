import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoContactCenter } from '../../functions/adapters/local/dynamodb-contact-center';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { defaultPolicy } from '../support/intake-harness';
import { aHandOff, unique } from './builders';

const at = (minutes: number): string =>
  new Date(Date.parse('2025-06-01T10:00:00.000Z') + minutes * 60_000).toISOString();

describe('DynamoContactCenter: local waiting lists', () => {
  let db: Dynalite;
  let centre: DynamoContactCenter;

  beforeAll(async () => {
    db = await startDynalite();
    centre = new DynamoContactCenter(db.documentClient, db.tables.waitingLists, {
      policy: defaultPolicy,
      // Before any due time: no escalation, the plain order.
      clock: { now: () => new Date(at(0)) },
    });
  });
  afterAll(() => db.stop());

  it('lines cases up by priority, then by due time, with an emergency first among priority 1', async () => {
    // Prepare
    const queue = unique('q-');
    const lateUrgent = aHandOff({ queue, caseNumber: unique('CR-'), priority: 1, receivedAt: at(30) });
    const early = aHandOff({ queue, caseNumber: unique('CR-'), priority: 5, receivedAt: at(0) });
    const late = aHandOff({ queue, caseNumber: unique('CR-'), priority: 5, receivedAt: at(20) });
    const fire = aHandOff({
      queue,
      caseNumber: unique('CR-'),
      priority: 1,
      topic: 'emergency',
      emergency: true,
      receivedAt: at(40),
    });

    // Act
    for (const h of [late, fire, early, lateUrgent]) await centre.handOff(h);

    // Assess
    const waiting = await centre.listQueue(queue);
    expect(waiting.map((h) => h.contactId)).toEqual([fire, lateUrgent, early, late].map((h) => h.contactId));
  });

  it('keeps one entry per case: a follow-up updates priority, summary and contact count', async () => {
    // Prepare
    const queue = unique('q-');
    const caseNumber = unique('CR-');
    const first = aHandOff({ queue, caseNumber, priority: 3, summary: 'dates', receivedAt: at(0) });
    const urgent = aHandOff({ queue, caseNumber, priority: 1, summary: 'door locked', receivedAt: at(5) });
    const calm = aHandOff({
      queue,
      caseNumber,
      priority: 4,
      summary: 'thanks',
      receivedAt: at(9),
      contactCount: 3,
    });

    // Act
    for (const h of [first, { ...urgent, contactCount: 2 }, calm]) await centre.handOff(h);

    // Assess
    const waiting = await centre.listQueue(queue);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ caseNumber, priority: 1, summary: 'thanks', contactCount: 3 });
    expect(waiting[0]?.waitingSince).toBe(at(0));
  });

  it('answers a hand-off repeated by contact id with the same entry, never a second one', async () => {
    // Prepare
    const queue = unique('q-');
    const handOff = aHandOff({ queue, caseNumber: unique('CR-') });

    // Act
    const first = await centre.handOff(handOff);
    const second = await centre.handOff(handOff);

    // Assess
    expect(second).toEqual(first);
    expect(await centre.listQueue(queue)).toHaveLength(1);
  });

  it('keeps one entry when many contacts of one case arrive at the same time', async () => {
    // Prepare
    const queue = unique('q-');
    const caseNumber = unique('CR-');
    const flood = Array.from({ length: 12 }, (_, i) =>
      aHandOff({ queue, caseNumber, receivedAt: at(i), contactCount: i + 1 }),
    );

    // Act
    await Promise.all(flood.map((h) => centre.handOff(h)));

    // Assess
    const waiting = await centre.listQueue(queue);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]?.contactCount).toBe(12);
  });

  it("withdraws a case's entry, and withdrawing a case with none changes nothing", async () => {
    // Prepare
    const queue = unique('q-');
    const kept = aHandOff({ queue, caseNumber: unique('CR-') });
    const settled = aHandOff({ queue, caseNumber: unique('CR-') });
    for (const h of [kept, settled]) await centre.handOff(h);

    // Act
    await centre.withdraw(settled.caseNumber);
    await centre.withdraw(unique('CR-'));

    // Assess
    expect((await centre.listQueue(queue)).map((h) => h.caseNumber)).toEqual([kept.caseNumber]);
  });

  it('gives the first waiting case to the agent who takes one, and none from an empty queue', async () => {
    // Prepare
    const queue = unique('q-');
    const urgent = aHandOff({ queue, caseNumber: unique('CR-'), priority: 1 });
    const routine = aHandOff({ queue, caseNumber: unique('CR-'), priority: 4 });
    await centre.handOff(routine);
    await centre.handOff(urgent);

    // Act
    const taken = [await centre.take(queue), await centre.take(queue), await centre.take(queue)];

    // Assess
    expect(taken.map((h) => h?.contactId)).toEqual([urgent.contactId, routine.contactId, undefined]);
    expect(await centre.listQueue(queue)).toEqual([]);
  });

  it('never gives one case to two agents taking at the same time', async () => {
    // Prepare
    const queue = unique('q-');
    for (let i = 0; i < 3; i++) await centre.handOff(aHandOff({ queue, caseNumber: unique('CR-') }));

    // Act
    const taken = await Promise.all(Array.from({ length: 5 }, () => centre.take(queue)));

    // Assess
    const ids = taken.flatMap((h) => (h ? [h.contactId] : []));
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });

  it('lists every queue with its cases in serving order', async () => {
    // Prepare
    const [a, b] = [unique('qa-'), unique('qb-')];
    const second = aHandOff({ queue: a, caseNumber: unique('CR-'), priority: 3 });
    const first = aHandOff({ queue: a, caseNumber: unique('CR-'), priority: 2 });
    const only = aHandOff({ queue: b, caseNumber: unique('CR-') });
    for (const h of [second, only, first]) await centre.handOff(h);

    // Act
    const all = await centre.listAll();

    // Assess
    expect(all[a]?.map((h) => h.contactId)).toEqual([first.contactId, second.contactId]);
    expect(all[b]?.map((h) => h.contactId)).toEqual([only.contactId]);
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
    const failing = centre.handOff(aHandOff({ queue, caseNumber: unique('CR-') }));

    // Assess
    await expect(failing).rejects.toMatchObject({ name: 'DependencyError', retryable: true });
    await expect(centre.staffing()).rejects.toThrow('contact centre unreachable');
    centre.failWith(undefined);
    await centre.handOff(aHandOff({ queue, caseNumber: unique('CR-') }));
    expect(await centre.listQueue(queue)).toHaveLength(1);
  });
});
