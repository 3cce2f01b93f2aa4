import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Case } from '../domain/case';
import type { IntakeDeps } from '../domain/intake/intake';
import type { CaseLifecycleStore } from '../domain/store-ports';
import { emfWriter } from './metrics';
import { overriding } from './observed';

// Names as in infra/constructs/metrics-contract.ts (the dashboard reads them; Lambdas cannot import infra).
const FIRST_RESPONSE = 'FirstResponseMinutes';
const RESOLUTION = 'ResolutionMinutes';
const RESOLVED = 'ResolvedCases';
const FIRST_RESPONSE_BREACHES = 'FirstResponseBreaches';
const RESOLUTION_BREACHES = 'ResolutionBreaches';
const REOPENED = 'ReopenedResolutions';
const SATISFACTION = 'SatisfactionScore';
const SATISFIED = 'SatisfiedAnswers';
const MINUTE_MS = 60_000;

interface Sample {
  readonly name: string;
  readonly unit: (typeof MetricUnit)[keyof typeof MetricUnit];
  readonly value: number;
  readonly queue: string;
  readonly language: string;
}

/**
 * Case figures support teams live by, as EMF metrics per queue and language, recorded when a case
 * moves: first-response minutes when an agent first answers; on each resolution its minutes since
 * the case opened and 0/1 counts of a missed first-response target, a missed resolution target and
 * a case that had been reopened (so breach and reopen rates are sums over ResolvedCases); and each
 * satisfaction survey answer's score (answered). Published
 * like ContactMetrics (POWERTOOLS_METRICS_NAMESPACE; nothing without one). No personal data.
 */
export class CaseMetrics {
  #samples: Sample[] = [];
  #emf: Metrics | undefined;

  constructor(private readonly env?: NodeJS.ProcessEnv) {}

  /** A case after an accepted action at `at`. */
  moved(after: Case, at: Date): void {
    const iso = at.toISOString();
    const base = { queue: after.queue, language: after.language };
    const minutesSince = (from: string) => (at.getTime() - Date.parse(from)) / MINUTE_MS;
    if (after.firstResponseAt === iso)
      this.#samples.push({
        ...base,
        name: FIRST_RESPONSE,
        unit: MetricUnit.NoUnit,
        value: minutesSince(after.openedAt),
      });
    if (after.status === 'resolved' && after.resolvedAt === iso) {
      const count = (name: string, yes: boolean) =>
        this.#samples.push({ ...base, name, unit: MetricUnit.Count, value: yes ? 1 : 0 });
      this.#samples.push({
        ...base,
        name: RESOLUTION,
        unit: MetricUnit.NoUnit,
        value: minutesSince(after.openedAt),
      });
      count(RESOLVED, true);
      count(FIRST_RESPONSE_BREACHES, after.breaches?.firstResponse === true);
      count(RESOLUTION_BREACHES, after.breaches?.resolution === true);
      count(REOPENED, (after.reopenCount ?? 0) > 0);
    }
  }

  /**
   * A survey answer just recorded on the case: its score, and 0/1 for a score of 4 or 5, so CSAT per
   * queue and language is SatisfiedAnswers' sum over its sample count.
   */
  answered(kase: Case): void {
    const score = kase.satisfaction?.score;
    if (score === undefined) return;
    const base = { queue: kase.queue, language: kase.language };
    this.#samples.push({ ...base, name: SATISFACTION, unit: MetricUnit.NoUnit, value: score });
    this.#samples.push({ ...base, name: SATISFIED, unit: MetricUnit.Count, value: score >= 4 ? 1 : 0 });
  }

  /** Writes what this invocation recorded, one EMF line per metric and dimension set, then forgets it. */
  publish(): void {
    const samples = this.#samples;
    this.#samples = [];
    const emf = this.#metrics();
    if (!emf) return;
    for (const s of samples)
      for (const set of [{}, { Queue: s.queue }, { Language: s.language }] as Record<string, string>[]) {
        emf.addDimensions(set);
        emf.addMetric(s.name, s.unit, s.value);
        emf.publishStoredMetrics();
      }
  }

  #metrics(): Metrics | undefined {
    this.#emf ??= emfWriter(this.env ?? process.env);
    return this.#emf;
  }
}

/**
 * The case store, reporting each survey answer to `metrics` once its write lands: the domain records an
 * answer as a case saved with a "satisfaction" event (survey/record-satisfaction.ts), and a repeated
 * click or redelivered reply saves nothing, so each answer is reported once.
 */
export function observedAnswers<S extends CaseLifecycleStore>(
  cases: S,
  metrics: Pick<CaseMetrics, 'answered'>,
): S {
  const observed: Pick<CaseLifecycleStore, 'saveCase'> = {
    async saveCase(next, expectedUpdatedAt, events) {
      const saved = await cases.saveCase(next, expectedUpdatedAt, events);
      if (saved === 'saved' && events.some((e) => e.type === 'satisfaction')) metrics.answered(next);
      return saved;
    },
  };
  return overriding(cases, observed as Partial<S>);
}

/** The intake's dependencies with the survey answers a message carries reported to `metrics`. */
export function withAnswers(intake: IntakeDeps, metrics: Pick<CaseMetrics, 'answered'>): IntakeDeps {
  return { ...intake, cases: observedAnswers(intake.cases, metrics) };
}
