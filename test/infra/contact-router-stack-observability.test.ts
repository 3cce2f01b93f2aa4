import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Capture, Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFlowFiles } from '../../infra/constructs/flow-placeholders';
import { DURATION_ALARM_SHARE } from '../../infra/constructs/observability';
import { buildStack, REAL_FLOWS } from './support/build-stack';

let template: Template;

beforeAll(() => {
  template = buildStack().template();
});

describe('ContactRouterStack observability', () => {
  it('has a dashboard with contacts by channel, queue and language, fallback rate, first response, errors and DLQ depth', () => {
    const body = new Capture();
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardBody: body });
    const text = JSON.stringify(body.asObject());
    for (const title of [
      'Contacts by channel',
      'Contacts by queue',
      'Contacts by language',
      'Fallback rate (%)',
      'First response',
      'Errors',
      'Dead-letter queue depth',
    ])
      expect(text).toContain(title);
    expect(text).toContain('ContactRouter/dev');
  });

  it('alarms on DLQ depth, error rate and duration close to the 8 s and 15 s limits', () => {
    template.resourcePropertiesCountIs(
      'AWS::CloudWatch::Alarm',
      { MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 0 },
      4, // email, hand-off retry schedule, case tasks, booking updates
    );
    template.resourcePropertiesCountIs(
      'AWS::CloudWatch::Alarm',
      { AlarmDescription: Match.stringLikeRegexp('of invocations fail'), Threshold: 5 },
      11, // one per Lambda watched: the doors', the sweeps', booking updates' and Telegram's
    );
    template.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { MetricName: 'Duration' }, 5);
    // The four Twilio doors (messaging, voice, TaskRouter, status callbacks) against Twilio's 15 s.
    template.resourcePropertiesCountIs(
      'AWS::CloudWatch::Alarm',
      { MetricName: 'Duration', Threshold: 11250 },
      4,
    );
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
    });
  });

  it("alarms on the IVR Lambda's p99 before the flows' own InvocationTimeLimitSeconds runs out", () => {
    // Prepare: the shortest wait any flow gives the IVR Lambda, read from the flow JSON itself
    const waits = readFlowFiles(REAL_FLOWS).flatMap((f) =>
      (
        JSON.parse(f.text) as { Actions: { Type: string; Parameters: Record<string, string> }[] }
      ).Actions.filter(
        (a) => a.Type === 'InvokeLambdaFunction' && a.Parameters.LambdaFunctionARN === '%IvrLambdaArn%',
      ).map((a) => Number(a.Parameters.InvocationTimeLimitSeconds)),
    );
    const flowWaitMs = Math.min(...waits) * 1000;

    // Act
    const threshold = new Capture();
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Duration',
      ExtendedStatistic: 'p99',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.stringLikeRegexp('^connectIvrFunction') } }],
      Threshold: threshold,
    });

    // Assess
    expect(waits.length).toBeGreaterThan(3);
    expect(threshold.asNumber()).toBeGreaterThan(0);
    expect(threshold.asNumber()).toBeLessThan(flowWaitMs);
    expect(threshold.asNumber()).toBe(flowWaitMs * DURATION_ALARM_SHARE);
  });

  it('moves the IVR duration alarm when a flow gives the Lambda a different time limit', () => {
    // Prepare: the real flows with every IVR call allowed 6 s instead
    const dir = mkdtempSync(join(tmpdir(), 'flows-'));
    for (const name of readdirSync(REAL_FLOWS))
      writeFileSync(
        join(dir, name),
        readFileSync(join(REAL_FLOWS, name), 'utf8').replaceAll(
          '"InvocationTimeLimitSeconds": "4"',
          '"InvocationTimeLimitSeconds": "6"',
        ),
      );

    // Act
    const t = buildStack({ flowsDir: dir }).template();
    rmSync(dir, { recursive: true });

    // Assess
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Duration',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.stringLikeRegexp('^connectIvrFunction') } }],
      Threshold: 6000 * DURATION_ALARM_SHARE,
    });
  });

  it("lets CloudWatch publish to the alarm topic, only for this stack's alarms in this account, over TLS", () => {
    // Prepare
    const alarms = Object.keys(template.findResources('AWS::CloudWatch::Alarm'));
    const statements = new Capture();

    // Act
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: Match.stringLikeRegexp('AlarmTopic') }],
      PolicyDocument: { Statement: statements },
    });

    // Assess
    const all = statements.asArray() as Record<string, unknown>[];
    const publish = all.find(
      (s) =>
        s.Effect === 'Allow' && (s.Principal as { Service?: string }).Service === 'cloudwatch.amazonaws.com',
    ) as {
      Action: string;
      Condition: {
        ArnLike: Record<string, { 'Fn::GetAtt': string[] }[]>;
        StringEquals: Record<string, string>;
      };
    };
    expect(publish.Action).toBe('sns:Publish');
    expect(publish.Condition.StringEquals['aws:SourceAccount']).toBe('111111111111');
    const sources = publish.Condition.ArnLike['aws:SourceArn'] ?? [];
    expect(sources.map((s) => s['Fn::GetAtt'][0]).sort()).toEqual(alarms.sort());
    expect(
      all.some((s) => s.Effect === 'Deny' && JSON.stringify(s.Condition).includes('aws:SecureTransport')),
    ).toBe(true);
  });
});
