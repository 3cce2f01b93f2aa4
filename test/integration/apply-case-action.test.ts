import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCaseStore } from '../../functions/adapters/dynamodb/case-store';
import { DynamoContactCenter } from '../../functions/adapters/local/dynamodb-contact-center';
import { applyCaseAction } from '../../functions/domain/cases/apply-action';
import { type Dynalite, startDynalite } from '../support/dynalite';
import { defaultPolicy } from '../support/intake-harness';
import { aCase, aHandOff, unique } from './builders';

const agent = (id: string) => ({ kind: 'agent', id }) as const;
const at = (minutes: number) => new Date(Date.parse('2025-06-01T10:00:00.000Z') + minutes * 60_000);

describe('applyCaseAction on DynamoDB', () => {
  let db: Dynalite;
  let cases: DynamoCaseStore;
  let center: DynamoContactCenter;
  let deps: Parameters<typeof applyCaseAction>[0];

  beforeAll(async () => {
    db = await startDynalite();
    cases = new DynamoCaseStore(db.documentClient, db.tables.main);
    center = new DynamoContactCenter(db.documentClient, db.tables.waitingLists, {
      policy: defaultPolicy,
      clock: { now: () => at(0) },
    });
    deps = { cases, center, policy: defaultPolicy };
  });
  afterAll(() => db.stop());

  async function waitingCase() {
    const kase = aCase({ status: 'waiting' });
    await cases.createCase(kase, `sms:${kase.caseNumber}`);
    return kase;
  }

  it('stores the case after the action with its timeline events, who and when', async () => {
    // Prepare
    const kase = await waitingCase();

    // Act
    const result = await applyCaseAction(deps, kase.caseNumber, { type: 'take' }, agent('ana'), at(5));

    // Assess
    expect(result).toMatchObject({ ok: true, case: { status: 'with_agent', agentId: 'ana' } });
    const stored = await cases.getCase(kase.caseNumber);
    expect(stored).toMatchObject({
      status: 'with_agent',
      agentId: 'ana',
      firstResponseAt: at(5).toISOString(),
    });
    expect(stored?.timeline.slice(1)).toEqual([
      { type: 'taken', at: at(5).toISOString(), by: agent('ana'), status: 'with_agent' },
      { type: 'first_response', at: at(5).toISOString(), by: agent('ana'), status: 'with_agent' },
    ]);
  });

  it('refuses an action the lifecycle does not allow and leaves the case as it was', async () => {
    // Prepare
    const kase = await waitingCase();

    // Act
    const result = await applyCaseAction(deps, kase.caseNumber, { type: 'pending' }, agent('ana'), at(5));

    // Assess
    expect(result).toEqual({ ok: false, reason: 'not_allowed', action: 'pending', status: 'waiting' });
    expect(await cases.getCase(kase.caseNumber)).toEqual(kase);
  });

  it('answers not_found for an unknown case', async () => {
    // Act
    const result = await applyCaseAction(deps, unique('CR-'), { type: 'resolve' }, agent('ana'), at(5));

    // Assess
    expect(result).toMatchObject({ ok: false, reason: 'not_found' });
  });

  it('withdraws the waiting entry of a case it resolves', async () => {
    // Prepare
    const kase = await waitingCase();
    const queue = unique('q-');
    await center.handOff(aHandOff({ queue, caseNumber: kase.caseNumber }));

    // Act
    await applyCaseAction(deps, kase.caseNumber, { type: 'resolve' }, agent('ana'), at(5));

    // Assess
    expect(await center.listQueue(queue)).toEqual([]);
  });

  it('applies both of two actions racing on one case, neither lost', async () => {
    // Prepare
    const kase = await waitingCase();

    // Act
    const [note, take] = await Promise.all([
      applyCaseAction(deps, kase.caseNumber, { type: 'note', text: 'VIP' }, agent('bo'), at(4)),
      applyCaseAction(deps, kase.caseNumber, { type: 'take' }, agent('ana'), at(5)),
    ]);

    // Assess
    expect([note.ok, take.ok]).toEqual([true, true]);
    const types = (await cases.getCase(kase.caseNumber))?.timeline.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['note', 'taken']));
    expect(types?.filter((t) => t === 'note')).toHaveLength(1);
  });

  it('lets only one of two agents take the same case', async () => {
    // Prepare
    const kase = await waitingCase();

    // Act
    const results = await Promise.all(
      ['ana', 'bo'].map((id) => applyCaseAction(deps, kase.caseNumber, { type: 'take' }, agent(id), at(5))),
    );

    // Assess
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ reason: 'already_with_agent' });
  });
});
