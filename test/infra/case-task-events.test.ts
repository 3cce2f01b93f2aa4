import { Capture, Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStack } from './support/build-stack';

let built: ReturnType<typeof buildStack>;
let template: Template;

beforeAll(() => {
  built = buildStack();
  template = built.template();
});

const fnArn = (key: string) => ({
  'Fn::GetAtt': [Match.stringLikeRegexp(`^${key}Function[0-9A-F]+$`), 'Arn'],
});

/** Every action a Lambda's role may call, with the resources of each statement. */
function statementsOf(key: string): { actions: string[]; resources: unknown[]; condition?: unknown }[] {
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: [{ Ref: Match.stringLikeRegexp(`^${key}Role[0-9A-F]+$`) }] },
  });
  return Object.values(policies).flatMap((p) =>
    (
      p.Properties.PolicyDocument.Statement as {
        Action: string | string[];
        Resource: unknown;
        Condition?: unknown;
      }[]
    ).map((s) => ({ actions: [s.Action].flat(), resources: [s.Resource].flat(), condition: s.Condition })),
  );
}

/** Every Connect action a Lambda's role may call, with the resources of each statement. */
const connectStatementsOf = (key: string) =>
  statementsOf(key).filter((s) => s.actions.some((a) => a.startsWith('connect:')));

describe('Connect contact events and the case-task sweep', () => {
  it('sends this instance’s Connect contact events to the events Lambda, with a dead-letter queue', () => {
    // Prepare
    const dlq = new Capture();
    // Act / Assess
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.connect'],
        'detail-type': ['Amazon Connect Contact Event'],
        resources: [built.config.connect.instanceArn],
      },
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: fnArn('connectEvents'), DeadLetterConfig: { Arn: dlq } })],
    });
    // A failed invocation (after Lambda's own retries) lands in the same queue.
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: Match.stringLikeRegexp('^connectEventsFunction') },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: dlq.asObject() } },
    });
  });

  it('runs the sweep every minute', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [Match.objectLike({ Arn: fnArn('caseTaskSweep'), DeadLetterConfig: Match.anyValue() })],
    });
  });

  it('lets the sweep send incident messages: the table and its indexes, Twilio’s token, SES from our domain', () => {
    // Prepare
    const statements = statementsOf('caseTaskSweep');
    const allowing = (action: string) => statements.filter((s) => s.actions.includes(action));
    const fn = Object.values(
      template.findResources('AWS::Lambda::Function', {
        Properties: { Environment: { Variables: { POWERTOOLS_SERVICE_NAME: 'caseTaskSweep' } } },
      }),
    )[0];

    // Assess: the active and resolving incidents are read on gsi3, the cursors written on the item
    const table = JSON.stringify(allowing('dynamodb:Query').map((s) => s.resources));
    expect(table).toMatch(/DataTable.*\/index\/\*/);
    expect(allowing('dynamodb:UpdateItem')).not.toEqual([]);
    expect(allowing('dynamodb:BatchGetItem')).not.toEqual([]);
    expect(JSON.stringify(allowing('secretsmanager:GetSecretValue'))).toContain(
      built.config.twilio.authTokenSecretName,
    );
    expect(allowing('ses:SendRawEmail').map((s) => s.condition)).toEqual([
      { StringLike: { 'ses:FromAddress': `*@${built.config.email.domain}` } },
    ]);
    expect(fn?.Properties.Environment.Variables).toMatchObject({
      TWILIO_ACCOUNT_SID: built.config.twilio.accountSid,
      EMAIL_FROM: built.config.email.fromAddress,
    });
  });

  it('grants each case Lambda exactly the Connect actions its handler documents, on the one instance', () => {
    const instance = built.config.connect.instanceArn;
    const events = connectStatementsOf('connectEvents');
    const sweep = connectStatementsOf('caseTaskSweep');
    // Both may start a new task for a waiting case whose task ended unanswered.
    for (const statements of [events, sweep])
      expect(statements.flatMap((s) => s.actions).sort()).toEqual([
        'connect:DescribeContact',
        'connect:GetContactAttributes',
        'connect:StartTaskContact',
        'connect:StopContact',
        'connect:UpdateContactRoutingData',
      ]);
    for (const s of [...events, ...sweep])
      expect([...s.resources].sort()).toEqual([
        instance,
        `${instance}/contact-flow/*`,
        `${instance}/contact/*`,
      ]);
  });

  it('lets the doors update a waiting task on a follow-up', () => {
    const actions = connectStatementsOf('twilioMessaging').flatMap((s) => s.actions);
    expect(actions).toContain('connect:UpdateContactAttributes');
    expect(actions).not.toContain('connect:StopContact');
  });

  it('alarms on the case-task dead-letter queue', () => {
    const queue = template.findResources('AWS::SQS::Queue', {}) as Record<string, unknown>;
    const dlq = Object.keys(queue).find((id) => id.startsWith('CaseTasksDeadLetters'));
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: Match.stringLikeRegexp('^CaseTasks:'),
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlq, 'QueueName'] } }],
    });
  });

  it('routes TaskRouter’s event callbacks to their Lambda, which may read the auth token and stop only contacts', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /twilio/taskrouter' });
    const statements = connectStatementsOf('twilioTaskRouter');
    expect(statements.flatMap((s) => s.actions)).toEqual(['connect:StopContact']);
    template.hasOutput('TwilioTaskRouterEventCallback', Match.anyValue());
  });

  it('shows first-response and resolution times per queue and language, and breach and reopen rates', () => {
    const body = new Capture();
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardBody: body });
    const text = JSON.stringify(body.asObject());
    for (const title of [
      'First response (min, average) by queue',
      'Resolution (min, average) by queue',
      'First response (min, average) by language',
      'Resolved cases: SLA breaches and reopened (%)',
    ])
      expect(text).toContain(title);
    for (const metric of [
      'FirstResponseMinutes',
      'ResolutionMinutes',
      'ResolvedCases',
      'FirstResponseBreaches',
      'ResolutionBreaches',
      'ReopenedResolutions',
    ])
      expect(text).toContain(metric);
    // One line per policy queue (the fr-team queue among them).
    expect(text).toMatch(/FirstResponseMinutes[\\"]+,[\\"]+Queue[\\"]+,[\\"]+fr-team/);
  });
});
