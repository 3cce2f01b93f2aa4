import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyCaseAction } from '../../functions/domain/cases/apply-action';
import { intake } from '../../functions/domain/intake/intake';
import {
  aContact,
  closeForGood,
  defaultPolicy,
  type IntakeHarness,
  resolveAsAgent,
  startIntakeHarness,
} from '../support/intake-harness';

// Monday 23 Nov 2026, 11:00 in Paris: the teams are open.
const NOW = new Date('2026-11-23T10:00:00.000Z');
const DAY = 86_400_000;

describe('one waiting entry per case, through the intake', () => {
  let h: IntakeHarness;
  let sender = 0;
  let from: string;

  beforeAll(async () => {
    h = await startIntakeHarness(NOW);
  });
  beforeEach(() => {
    h.clock.current = NOW;
    sender++;
    from = `+4477009${String(sender).padStart(5, '0')}`;
  });
  afterAll(() => h.db.stop());

  const entriesOf = async (caseNumber: string) =>
    Object.values(await h.center.listAll())
      .flat()
      .filter((entry) => entry.caseNumber === caseNumber);
  const send = (text: string, extra: Parameters<typeof aContact>[0] = {}) =>
    intake(h.deps, aContact({ from, text, languageHint: 'en', ...extra }));
  const agent = { kind: 'agent', id: 'agent-ana' } as const;
  const deps = () => ({ cases: h.cases, center: h.center, policy: defaultPolicy });

  it('opens a waiting case with due times and queues it once', async () => {
    // Act
    const first = await send('Can I add breakfast to my stay?');

    // Assess
    const kase = await h.cases.getCase(first.record.caseNumber);
    expect(kase).toMatchObject({ status: 'waiting', contactCount: 1 });
    expect(Date.parse(kase?.firstResponseDueAt ?? '')).toBeGreaterThan(NOW.getTime());
    expect(Date.parse(kase?.resolutionDueAt ?? '')).toBeGreaterThan(NOW.getTime());
    expect(await entriesOf(first.record.caseNumber)).toHaveLength(1);
  });

  it('updates the entry of a waiting case on a follow-up: most urgent priority, latest summary, count', async () => {
    // Prepare
    const first = await send('Can I add breakfast to my stay?');

    // Act
    const second = await send('URGENT the reception is closed and I am locked out');
    const third = await send('thanks');

    // Assess
    expect(new Set([second.record.caseNumber, third.record.caseNumber])).toEqual(
      new Set([first.record.caseNumber]),
    );
    const entries = await entriesOf(first.record.caseNumber);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.contactCount).toBe(3);
    expect(entries[0]?.priority).toBe(
      Math.min(
        first.record.decision.priority,
        second.record.decision.priority,
        third.record.decision.priority,
      ),
    );
    expect(entries[0]?.summary).toContain('thanks');
  });

  it('flags a follow-up to the agent who holds the case instead of queueing it', async () => {
    // Prepare
    const first = await send('Can I change my dates?');
    // The agent takes it from the queue: the entry leaves, the case is theirs.
    await h.center.withdraw(first.record.caseNumber);
    await applyCaseAction(deps(), first.record.caseNumber, { type: 'take' }, agent, NOW);

    // Act
    const second = await send('Any news?');

    // Assess
    expect(second.record.caseNumber).toBe(first.record.caseNumber);
    expect(second.handoff).toBe('with_agent');
    expect(second.record.decision.reasons.at(-1)).toContain('agent-ana');
    expect(await entriesOf(first.record.caseNumber)).toEqual([]);
    expect((await h.cases.getCase(first.record.caseNumber))?.contactCount).toBe(2);
  });

  it('records an auto-reply on its case without queueing it or moving the case', async () => {
    // Prepare: a guest writes by mail (only mail is recognised as written by a machine)
    const mail = { channel: 'email', from: `guest-${sender}@example.org` } as const;
    const first = await send('Can I change my dates?', mail);
    await h.center.withdraw(first.record.caseNumber);
    await applyCaseAction(deps(), first.record.caseNumber, { type: 'take' }, agent, NOW);
    await applyCaseAction(deps(), first.record.caseNumber, { type: 'pending' }, agent, NOW);

    // Act
    const auto = await send('I am out of office until Monday', { ...mail, noReplyReason: 'auto-reply' });

    // Assess
    expect(auto.handoff).toBe('not_needed');
    const kase = await h.cases.getCase(first.record.caseNumber);
    expect(kase).toMatchObject({ status: 'pending_guest', contactCount: 2 });
    expect(await entriesOf(first.record.caseNumber)).toEqual([]);
  });

  it('removes the entry on resolve; a contact within reopenWithinDays reopens the case and queues it again', async () => {
    // Prepare
    const first = await send('Can I change my dates?');
    await resolveAsAgent(h, first.record.caseNumber, NOW);
    const afterResolve = await entriesOf(first.record.caseNumber);
    h.clock.current = new Date(NOW.getTime() + 2 * DAY);

    // Act
    const again = await send('Sorry, one more thing');

    // Assess
    expect(afterResolve).toEqual([]);
    expect(again.record.caseNumber).toBe(first.record.caseNumber);
    const kase = await h.cases.getCase(first.record.caseNumber);
    expect(kase).toMatchObject({ status: 'waiting', reopenCount: 1 });
    expect(kase?.timeline.map((e) => e.type)).toContain('reopened');
    expect(await entriesOf(first.record.caseNumber)).toHaveLength(1);
  });

  it('opens a new case linking the old one once the old one is settled for good', async () => {
    // Prepare
    const first = await send('Can I change my dates?');
    await closeForGood(h, first.record.caseNumber, NOW);
    h.clock.current = new Date(NOW.getTime() + 30 * DAY);

    // Act
    const later = await send('Hello again, a new question');

    // Assess
    expect(later.outcome).toBe('new_case');
    expect((await h.cases.getCase(later.record.caseNumber))?.linkedCase).toBe(first.record.caseNumber);
    expect(await entriesOf(later.record.caseNumber)).toHaveLength(1);
  });

  it('leaves one entry for a flood of messages from one number', async () => {
    // Act
    const results = [];
    for (let i = 0; i < 40; i++) results.push(await send(`message ${i}`));

    // Assess
    const caseNumber = results[0]?.record.caseNumber ?? '';
    expect(new Set(results.map((r) => r.record.caseNumber)).size).toBe(1);
    const entries = await entriesOf(caseNumber);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.contactCount).toBe(40);
  });
});
