import { Duration, Stack } from 'aws-cdk-lib';
import {
  type Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { CHANNELS } from '../../functions/domain/contact';
import { caseWidgets } from './case-widgets';
import { DIMENSIONS, METRICS, metricsNamespace } from './metrics-contract';

/** A Lambda to watch; `limit` is the time its caller waits (Connect 8 s, Twilio 15 s). */
export interface WatchedFunction {
  readonly name: string;
  readonly fn: IFunction;
  readonly limit?: Duration;
}

/** Options for the dashboard and alarms. */
export interface ObservabilityProps {
  readonly environmentName: string;
  readonly functions: readonly WatchedFunction[];
  readonly deadLetterQueues: readonly { name: string; queue: IQueue }[];
  /** Policy queue ids and languages, for the per-queue and per-language graphs. */
  readonly queueIds: readonly string[];
  readonly languages: readonly string[];
  /** Connect instance id and queue names, for Connect's own queue wait metric. */
  readonly connectInstanceId: string;
  readonly connectQueueNames: readonly string[];
  readonly alarmEmail?: string;
}

/** Alarm when p99 duration passes this share of the caller's limit. */
export const DURATION_ALARM_SHARE = 0.75;
/** Alarm when more than this percentage of invocations fail. */
export const ERROR_RATE_ALARM_PERCENT = 5;

/**
 * One dashboard (contacts by channel, queue and language; fallback rate; first response; errors; DLQ
 * depth) and the alarms that page: any message in a DLQ, error rate, and duration close to the limit
 * the caller waits. Alarms go to an encrypted SNS topic (email subscription when configured).
 */
export class Observability extends Construct {
  readonly dashboard: Dashboard;
  readonly alarmTopic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const key = new Key(this, 'AlarmTopicKey', {
      enableKeyRotation: true,
      description: 'Encrypts the contact router alarm topic',
    });
    key.grantEncryptDecrypt(new ServicePrincipal('cloudwatch.amazonaws.com'));
    this.alarmTopic = new Topic(this, 'AlarmTopic', { masterKey: key, enforceSSL: true });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));

    const ns = metricsNamespace(props.environmentName);
    const custom = (metricName: string, dims: Record<string, string> = {}, statistic = 'Sum') =>
      new Metric({ namespace: ns, metricName, dimensionsMap: dims, statistic, period: Duration.minutes(5) });
    const byDim = (dim: string, values: readonly string[]) =>
      values.map((v) => custom(METRICS.contacts, { [dim]: v }).with({ label: v }));

    const fallbackRate = new MathExpression({
      expression: 'IF(contacts > 0, 100 * fallbacks / contacts, 0)',
      usingMetrics: { contacts: custom(METRICS.contacts), fallbacks: custom(METRICS.fallbacks) },
      label: 'fallback rate (%)',
      period: Duration.minutes(5),
    });
    const queueWait = props.connectQueueNames.map((queueName) =>
      new Metric({
        namespace: 'AWS/Connect',
        metricName: 'LongestQueueWaitTime',
        dimensionsMap: { InstanceId: props.connectInstanceId, MetricGroup: 'Queue', QueueName: queueName },
        statistic: 'Maximum',
        period: Duration.minutes(5),
      }).with({ label: queueName }),
    );

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `contact-router-${props.environmentName}`,
    });
    const graph = (title: string, left: IMetric[], right: IMetric[] = []) =>
      new GraphWidget({ title, left, right, width: 12, height: 6 });
    this.dashboard.addWidgets(
      graph('Contacts by channel', byDim(DIMENSIONS.channel, CHANNELS)),
      graph('Contacts by queue', byDim(DIMENSIONS.queue, props.queueIds)),
    );
    this.dashboard.addWidgets(
      graph('Contacts by language', byDim(DIMENSIONS.language, props.languages)),
      graph('Fallback rate (%)', [fallbackRate]),
    );
    for (const row of caseWidgets(custom, props.queueIds, props.languages)) this.dashboard.addWidgets(...row);
    this.dashboard.addWidgets(
      graph(
        'First response: promised (min, left) and longest Connect queue wait (s, right)',
        [
          custom(METRICS.expectedFirstResponse, {}, 'Average'),
          custom(METRICS.expectedFirstResponse, {}, 'p90'),
        ],
        queueWait,
      ),
      graph(
        'Errors',
        props.functions.map((f) => f.fn.metricErrors({ label: f.name, period: Duration.minutes(5) })),
        [custom(METRICS.handOffFailures).with({ label: 'hand-off failures' })],
      ),
    );
    this.dashboard.addWidgets(
      graph(
        'Dead-letter queue depth',
        props.deadLetterQueues.map((d) =>
          d.queue.metricApproximateNumberOfMessagesVisible({ label: d.name }),
        ),
      ),
      graph(
        'Duration p99 (ms)',
        props.functions.map((f) => f.fn.metricDuration({ label: f.name, statistic: 'p99' })),
      ),
    );
    this.alarmOn(props);
    this.letAlarmsPublish();
  }

  // `enforceSSL` gives the topic a policy of its own, which replaces SNS's default one: without this
  // statement CloudWatch may not publish and no alarm ever reaches anyone. Scoped to this stack's
  // alarms (aws:SourceArn) in this account (aws:SourceAccount) against the confused deputy (SNS developer
  // guide, "Amazon SNS access control case examples"; CloudWatch user guide, "Notify users on alarm changes").
  private letAlarmsPublish(): void {
    this.alarmTopic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: {
          ArnLike: { 'aws:SourceArn': this.alarms.map((a) => a.alarmArn) },
          StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
        },
      }),
    );
  }

  private alarmOn(props: ObservabilityProps): void {
    const add = (alarm: Alarm) => {
      alarm.addAlarmAction(new SnsAction(this.alarmTopic));
      this.alarms.push(alarm);
    };
    for (const d of props.deadLetterQueues)
      add(
        d.queue
          .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' })
          .createAlarm(this, `${d.name}DlqDepth`, {
            alarmDescription: `${d.name}: messages in the dead-letter queue (each is a contact or a hand-off that failed five times)`,
            threshold: 0,
            comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
            evaluationPeriods: 1,
            treatMissingData: TreatMissingData.NOT_BREACHING,
          }),
      );
    for (const f of props.functions) {
      const rate = new MathExpression({
        expression: 'IF(invocations > 0, 100 * errors / invocations, 0)',
        usingMetrics: {
          errors: f.fn.metricErrors({ period: Duration.minutes(1) }),
          invocations: f.fn.metricInvocations({ period: Duration.minutes(1) }),
        },
        period: Duration.minutes(1),
      });
      add(
        rate.createAlarm(this, `${f.name}ErrorRate`, {
          alarmDescription: `${f.name}: more than ${ERROR_RATE_ALARM_PERCENT}% of invocations fail`,
          threshold: ERROR_RATE_ALARM_PERCENT,
          evaluationPeriods: 5,
          datapointsToAlarm: 3,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
      if (f.limit)
        add(
          f.fn
            .metricDuration({ statistic: 'p99', period: Duration.minutes(1) })
            .createAlarm(this, `${f.name}Duration`, {
              alarmDescription: `${f.name}: p99 duration above ${DURATION_ALARM_SHARE * 100}% of the ${f.limit.toSeconds()} s its caller waits`,
              threshold: f.limit.toMilliseconds() * DURATION_ALARM_SHARE,
              evaluationPeriods: 5,
              datapointsToAlarm: 3,
              treatMissingData: TreatMissingData.NOT_BREACHING,
            }),
        );
    }
  }
}
