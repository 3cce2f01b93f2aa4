import { describe, expect, it } from 'vitest';
import {
  closeSettledCases,
  retentionExpiry,
  type SettledCase,
} from '../../../functions/domain/cases/retention';
import { loadRoutingPolicy } from '../../../functions/domain/routing/load-policy';
import { testHolidays } from '../../support/test-holidays';
import { defaultPolicyJson } from '../routing/routing-fixtures';

const NOW = new Date('2026-03-01T12:00:00.000Z');

/** A retention store held in memory: what was listed, and which expiries were written. */
function memoryStore(settled: SettledCase[]) {
  const expiries = new Map<string, string>();
  return {
    expiries,
    listSettled: async (_before: string, limit: number) => settled.slice(0, limit),
    expireCase: async (caseNumber: string, expiresAt: string) => {
      expiries.set(caseNumber, expiresAt);
      return 1;
    },
  };
}

describe('retention policy', () => {
  it('keeps closed cases 365 days when the policy does not say', () => {
    const json = defaultPolicyJson();
    json.cases = { reopenWithinDays: 7, closeAfterDays: 14 };
    expect(loadRoutingPolicy(json, testHolidays).cases.retentionDays).toBe(365);
  });

  it.each([0, -1, 1.5, 3651, '30'])('rejects retentionDays %j, naming the field', (retentionDays) => {
    const json = defaultPolicyJson();
    json.cases = { reopenWithinDays: 7, closeAfterDays: 14, retentionDays };
    expect(() => loadRoutingPolicy(json, testHolidays)).toThrow('cases.retentionDays');
  });

  it('expires a case retentionDays after it closed', () => {
    const policy = {
      cases: { reopenWithinDays: 7, closeAfterDays: 14, retentionDays: 30, surveyCooldownDays: 30 },
    };
    expect(retentionExpiry('2026-03-01T12:00:00.000Z', policy)).toBe('2026-03-31T12:00:00.000Z');
  });
});

describe('closeSettledCases', () => {
  const policy = {
    cases: { reopenWithinDays: 7, closeAfterDays: 14, retentionDays: 30, surveyCooldownDays: 30 },
  };

  it('sets an expiry only on cases the lifecycle closed, never on one it refused', async () => {
    // Prepare: the lifecycle refuses CR-REOPEN (a guest wrote meanwhile)
    const store = memoryStore([
      { caseNumber: 'CR-CLOSES', status: 'resolved' },
      { caseNumber: 'CR-REOPEN', status: 'resolved' },
      { caseNumber: 'CR-ERASED', status: 'closed', closedAt: '2026-02-01T00:00:00.000Z' },
    ]);
    const closeCase = async (caseNumber: string) => ({ ok: caseNumber !== 'CR-REOPEN' });
    // Act
    const run = await closeSettledCases({ retention: store, policy, closeCase }, NOW, 10);
    // Assess
    expect(run).toEqual({ closed: 1, expiring: 2 });
    expect(Object.fromEntries(store.expiries)).toEqual({
      'CR-CLOSES': '2026-03-31T12:00:00.000Z',
      'CR-ERASED': '2026-03-03T00:00:00.000Z',
    });
  });
});
