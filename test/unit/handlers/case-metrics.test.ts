import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Case, CaseEvent } from '../../../functions/domain/case';
import type { CaseLifecycleStore } from '../../../functions/domain/store-ports';
import { CaseMetrics, observedAnswers } from '../../../functions/shared/case-metrics';
import { type Emf, emfOf } from '../../support/emf';

const opened = '2026-11-22T22:10:00.000Z';
const kase = (overrides: Partial<Case>): Case => ({
  caseNumber: 'CR-7K4M2Q',
  status: 'with_agent',
  ownerKey: 'cust-1',
  language: 'fr',
  topic: 'arrival_problem',
  queue: 'fr-team',
  priority: 2,
  openedAt: opened,
  updatedAt: opened,
  contactCount: 1,
  timeline: [],
  ...overrides,
});

/** EMF lines printed by publish(), as [metric, dimension names, value]. */
async function published(metrics: CaseMetrics): Promise<[string, string[], unknown][]> {
  const { lines } = await emfOf(async () => metrics.publish());
  return lines.map((line) => {
    const emf = JSON.parse(line) as Emf;
    const set = emf._aws.CloudWatchMetrics[0];
    const name = set?.Metrics[0]?.Name ?? '';
    return [name, set?.Dimensions[0] ?? [], emf[name]];
  });
}

describe('CaseMetrics', () => {
  afterEach(() => vi.restoreAllMocks());
  const env = { POWERTOOLS_METRICS_NAMESPACE: 'ContactRouter/test' };

  it('records the first response once, when the action set it, per queue and language', async () => {
    const metrics = new CaseMetrics(env);
    const at = new Date('2026-11-22T22:40:00.000Z');
    metrics.moved(kase({ firstResponseAt: at.toISOString() }), at);
    // A later action on an answered case is no first response.
    metrics.moved(kase({ firstResponseAt: at.toISOString() }), new Date('2026-11-22T23:00:00.000Z'));
    expect(await published(metrics)).toEqual([
      ['FirstResponseMinutes', [], 30],
      ['FirstResponseMinutes', ['Queue'], 30],
      ['FirstResponseMinutes', ['Language'], 30],
    ]);
  });

  it('records a resolution with its minutes, breaches and whether the case had been reopened', async () => {
    const metrics = new CaseMetrics(env);
    const at = new Date('2026-11-23T00:10:00.000Z');
    metrics.moved(
      kase({
        status: 'resolved',
        resolvedAt: at.toISOString(),
        reopenCount: 1,
        breaches: { firstResponse: true, resolution: false },
      }),
      at,
    );
    const all = (await published(metrics)).filter(([, dims]) => dims.length === 0);
    expect(all).toEqual([
      ['ResolutionMinutes', [], 120],
      ['ResolvedCases', [], 1],
      ['FirstResponseBreaches', [], 1],
      ['ResolutionBreaches', [], 0],
      ['ReopenedResolutions', [], 1],
    ]);
  });

  it('writes nothing without a namespace (tests, local runs)', async () => {
    const metrics = new CaseMetrics({});
    metrics.moved(kase({ status: 'resolved', resolvedAt: opened }), new Date(opened));
    expect(await published(metrics)).toEqual([]);
  });
});

describe('observedAnswers', () => {
  afterEach(() => vi.restoreAllMocks());
  const env = { POWERTOOLS_METRICS_NAMESPACE: 'ContactRouter/test' };
  const answeredCase = kase({
    status: 'resolved',
    satisfaction: { score: 3, at: opened, surveyId: 'CR-7K4M2Q:survey:1' },
  });
  const satisfaction: CaseEvent = { type: 'satisfaction', at: opened, by: 'guest', status: 'resolved' };
  const note: CaseEvent = {
    type: 'note',
    at: opened,
    by: { kind: 'agent', id: 'agent-1' },
    status: 'resolved',
  };

  /** A store whose saves answer `outcome`. */
  const store = (outcome: 'saved' | 'conflict'): CaseLifecycleStore => ({
    getCase: async () => answeredCase,
    saveCase: async () => outcome,
  });

  it('reports an answer when its save lands, and not when it meets a conflict or carries no answer', async () => {
    // Prepare
    const metrics = new CaseMetrics(env);
    const landed = observedAnswers(store('saved'), metrics);
    const refused = observedAnswers(store('conflict'), metrics);
    // Act
    await landed.saveCase(answeredCase, opened, [satisfaction]);
    await refused.saveCase(answeredCase, opened, [satisfaction]);
    await landed.saveCase(answeredCase, opened, [note]);
    // Assess: one answer of 3 (not satisfied), in three dimension sets each
    expect((await published(metrics)).filter(([, dims]) => dims.length === 0)).toEqual([
      ['SatisfactionScore', [], 3],
      ['SatisfiedAnswers', [], 0],
    ]);
  });
});
