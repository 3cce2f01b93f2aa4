import type { Case } from '../case';

/** Satisfaction figures of a group of cases. */
export interface CsatFigures {
  /** Survey answers. */
  readonly answers: number;
  /** Mean score, 1–5 (undefined without answers). */
  readonly average?: number | undefined;
  /** CSAT: the share of answers scoring 4 or 5, in percent (the usual definition). */
  readonly csat?: number | undefined;
}

/** CSAT over all cases, per queue and per language. */
export interface CsatSummary {
  readonly overall: CsatFigures;
  readonly byQueue: Readonly<Record<string, CsatFigures>>;
  readonly byLanguage: Readonly<Record<string, CsatFigures>>;
}

function figures(scores: readonly number[]): CsatFigures {
  if (scores.length === 0) return { answers: 0 };
  const sum = scores.reduce((a, b) => a + b, 0);
  const happy = scores.filter((s) => s >= 4).length;
  return {
    answers: scores.length,
    average: Math.round((sum / scores.length) * 100) / 100,
    csat: Math.round((happy / scores.length) * 1000) / 10,
  };
}

function grouped(cases: readonly Case[], keyOf: (c: Case) => string): Record<string, CsatFigures> {
  const groups = new Map<string, number[]>();
  for (const kase of cases) {
    if (!kase.satisfaction) continue;
    const list = groups.get(keyOf(kase)) ?? [];
    list.push(kase.satisfaction.score);
    groups.set(keyOf(kase), list);
  }
  return Object.fromEntries(
    [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, s]) => [k, figures(s)]),
  );
}

/** The satisfaction of answered cases, as the console's summary and the metrics show it. */
export function csatSummary(cases: readonly Case[]): CsatSummary {
  const scores = cases.flatMap((c) => (c.satisfaction ? [c.satisfaction.score] : []));
  return {
    overall: figures(scores),
    byQueue: grouped(cases, (c) => c.queue),
    byLanguage: grouped(cases, (c) => c.language),
  };
}
