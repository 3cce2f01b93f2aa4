import { Duration } from 'aws-cdk-lib';
import { GraphWidget, type IMetric, MathExpression, type Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { DIMENSIONS, METRICS } from './metrics-contract';

type Custom = (metricName: string, dims?: Record<string, string>, statistic?: string) => Metric;

// Survey answers are few: an hour per point keeps CSAT from being a string of 0% and 100%.
const CSAT_PERIOD = Duration.hours(1);

/**
 * The dashboard rows for cases (functions/shared/case-metrics.ts): first-response and resolution
 * minutes per queue and per language, the SLA-breach and reopen rates (per resolved case), and CSAT
 * per queue and per language.
 */
export function caseWidgets(
  custom: Custom,
  queueIds: readonly string[],
  languages: readonly string[],
): GraphWidget[][] {
  const graph = (title: string, left: IMetric[]) => new GraphWidget({ title, left, width: 12, height: 6 });
  const per = (name: string, dim: string, values: readonly string[]) =>
    values.map((v) => custom(name, { [dim]: v }, 'Average').with({ label: v }));
  // Metric ids must differ between the expressions of one graph (CloudWatch resolves them together).
  const rate = (label: string, part: string, id: string) =>
    new MathExpression({
      expression: `IF(resolved > 0, 100 * ${id} / resolved, 0)`,
      usingMetrics: { resolved: custom(METRICS.resolvedCases), [id]: custom(part) },
      label,
      period: Duration.minutes(5),
    });
  // CSAT = the share of answers scoring 4 or 5: SatisfiedAnswers (0 or 1 per answer) summed over the
  // number of answers (SatisfactionScore's sample count). A period without answers has no point.
  const csat = (dim: string, values: readonly string[]) =>
    values.map(
      (v, i) =>
        new MathExpression({
          expression: `100 * happy${i} / answers${i}`,
          usingMetrics: {
            [`happy${i}`]: custom(METRICS.satisfiedAnswers, { [dim]: v }, 'Sum'),
            [`answers${i}`]: custom(METRICS.satisfactionScore, { [dim]: v }, 'SampleCount'),
          },
          label: v,
          period: CSAT_PERIOD,
        }),
    );
  return [
    [
      graph(
        'First response (min, average) by queue',
        per(METRICS.firstResponseMinutes, DIMENSIONS.queue, queueIds),
      ),
      graph('Resolution (min, average) by queue', per(METRICS.resolutionMinutes, DIMENSIONS.queue, queueIds)),
    ],
    [
      graph(
        'First response (min, average) by language',
        per(METRICS.firstResponseMinutes, DIMENSIONS.language, languages),
      ),
      graph('Resolved cases: SLA breaches and reopened (%)', [
        rate('first response missed (%)', METRICS.firstResponseBreaches, 'frmissed'),
        rate('resolution missed (%)', METRICS.resolutionBreaches, 'resmissed'),
        rate('reopened (%)', METRICS.reopenedResolutions, 'reopened'),
      ]),
    ],
    [
      graph('CSAT (% of answers scoring 4–5) by queue', csat(DIMENSIONS.queue, queueIds)),
      graph('CSAT (% of answers scoring 4–5) by language', csat(DIMENSIONS.language, languages)),
    ],
  ];
}
