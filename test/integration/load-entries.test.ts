import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pool } from '../../bench/support/load';
import { isActive } from '../../functions/domain/cases/follow-up';
import { intake } from '../../functions/domain/intake/intake';
import { aContact, type IntakeHarness, resolveAsAgent, startIntakeHarness } from '../support/intake-harness';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const SENDERS = 40;
const PER_SENDER = 3;
const FLOOD = 100;

describe('a small load run: queue entries are waiting cases, not contacts', () => {
  let h: IntakeHarness;

  beforeAll(async () => {
    h = await startIntakeHarness(NOW);
  });
  afterAll(() => h.db.stop());

  const entries = async () => Object.values(await h.center.listAll()).flat();

  it('keeps one entry per waiting case under concurrent traffic and redeliveries, losing and doubling nothing', async () => {
    // Prepare: every sender writes several times, every fifth message is delivered twice
    const contacts = Array.from({ length: SENDERS * PER_SENDER }, (_, i) =>
      aContact({
        from: `+4477001${String(i % SENDERS).padStart(5, '0')}`,
        text: `question ${i}`,
        languageHint: 'en',
      }),
    );
    const deliveries = contacts.flatMap((c, i) => (i % 5 === 0 ? [c, c] : [c]));

    // Act
    await pool(deliveries.length, 16, async (i) => {
      await intake(h.deps, deliveries[i] as (typeof deliveries)[number]);
    });

    // Assess
    const stored = await Promise.all(contacts.map((c) => h.cases.getContact(`sms:${c.channelMessageId}`)));
    const numbers = new Set(stored.map((r) => r?.caseNumber));
    const cases = await Promise.all([...numbers].map((n) => h.cases.getCase(n ?? '')));
    const waiting = cases.filter((k) => k && isActive(k.status));
    const listed = (await entries()).filter((e) => numbers.has(e.caseNumber));
    expect(stored.filter((r) => !r)).toHaveLength(0);
    expect(numbers.size).toBe(SENDERS);
    expect(listed).toHaveLength(waiting.length);
    expect(new Set(listed.map((e) => e.caseNumber)).size).toBe(listed.length);
    expect(cases.reduce((sum, k) => sum + (k?.contactCount ?? 0), 0)).toBe(contacts.length);
  }, 60_000);

  it('leaves one entry after a flood from one number, and none once the case is resolved', async () => {
    // Prepare
    const from = '+33699999998';

    // Act
    const results: Awaited<ReturnType<typeof intake>>[] = [];
    await pool(FLOOD, 16, async (i) => {
      results.push(await intake(h.deps, aContact({ from, text: `allô ${i}`, languageHint: 'fr' })));
    });
    const caseNumber = results[0]?.record.caseNumber ?? '';
    const during = (await entries()).filter((e) => e.caseNumber === caseNumber);
    await resolveAsAgent(h, caseNumber, NOW);

    // Assess
    expect(new Set(results.map((r) => r.record.caseNumber)).size).toBe(1);
    expect(during).toHaveLength(1);
    expect(during[0]?.contactCount).toBe(FLOOD);
    expect((await entries()).filter((e) => e.caseNumber === caseNumber)).toEqual([]);
  }, 60_000);
});
