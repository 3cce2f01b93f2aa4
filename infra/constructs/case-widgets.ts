import { Duration } from 'aws-cdk-lib';
import { GraphWidget, type IMetric, MathExpression, type Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { DIMENSIONS, METRICS } from './metrics-contract';

type Custom = (metricName: string, dims?: Record<string, string>, statistic?: string) => Metric;

/**
 * The dashboard rows for cases (functions/shared/case-metrics.ts): first-response and resolution
 * minutes per queue and per language, and the SLA-breach and reopen rates (per resolved case).
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
  ];
}
