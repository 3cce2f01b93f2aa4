// CSAT on the dashboard as CloudWatch will read it: the synthesized DashboardBody parsed back into its
// widgets, each CSAT line a metric-math expression over the two metrics the Lambdas write.
import { Capture } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIMENSIONS, METRICS } from '../../infra/constructs/metrics-contract';
import { buildStack } from './support/build-stack';

type Line = (string | Record<string, unknown>)[];
interface Widget {
  readonly properties: { readonly title?: string; readonly metrics?: Line[] };
}

let widgets: Widget[];
let queues: string[];
let languages: string[];

beforeAll(() => {
  const built = buildStack();
  queues = Object.keys(built.policy.queues);
  languages = Object.keys(built.policy.languages);
  const body = new Capture();
  built.template().hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardBody: body });
  // The body is a Fn::Join of JSON text and deploy-time references (region, function names): each
  // reference stands in as a plain word, so the text parses as the JSON CloudWatch receives.
  const joined = body.asObject() as { 'Fn::Join': [string, unknown[]] };
  const text = joined['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : 'REF')).join('');
  widgets = (JSON.parse(text) as { widgets: Widget[] }).widgets;
}, 120_000);

/** The CSAT widget for a dimension: its expression lines and its hidden metric lines, by id. */
function csatWidget(by: string) {
  const widget = widgets.find((w) => w.properties.title === `CSAT (% of answers scoring 4–5) by ${by}`);
  const lines = widget?.properties.metrics ?? [];
  const options = (line: Line) => line.at(-1) as Record<string, unknown>;
  const expressions = lines.filter((l) => l.length === 1).map(options);
  const metrics = new Map(
    lines.filter((l) => l.length > 1).map((l) => [String(options(l).id), l.slice(0, -1).concat(options(l))]),
  );
  return { widget, expressions, metrics };
}

describe('the dashboard’s CSAT', () => {
  it.each([
    ['queue', DIMENSIONS.queue, () => queues],
    ['language', DIMENSIONS.language, () => languages],
  ])('shows CSAT by %s: satisfied answers over all answers, one line per value', (by, dimension, values) => {
    // Act
    const { widget, expressions, metrics } = csatWidget(by);
    // Assess
    expect(widget).toBeDefined();
    expect(expressions.map((e) => e.label)).toEqual(values());
    for (const expression of expressions) {
      const [, happy, answers] = /^100 \* (\w+) \/ (\w+)$/.exec(String(expression.expression)) ?? [];
      const label = String(expression.label);
      expect(metrics.get(happy ?? '')).toEqual([
        'ContactRouter/dev',
        METRICS.satisfiedAnswers,
        dimension,
        label,
        expect.objectContaining({ stat: 'Sum', visible: false }),
      ]);
      expect(metrics.get(answers ?? '')).toEqual([
        'ContactRouter/dev',
        METRICS.satisfactionScore,
        dimension,
        label,
        expect.objectContaining({ stat: 'SampleCount', visible: false }),
      ]);
    }
  });
});
