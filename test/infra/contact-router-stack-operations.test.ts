import { readFileSync } from 'node:fs';
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { rollingHolidaySource } from '../../functions/adapters/holidays/date-holidays-calendar';
import { addDays } from '../../functions/domain/routing/holiday-calendar';
import { loadRoutingPolicy } from '../../functions/domain/routing/load-policy';
import { type FlowType, validateFlow } from '../../local/flow-sim';
import { buildStack, STAND_IN_HANDLER } from './support/build-stack';
import { flowText } from './support/flow-content';

let built: ReturnType<typeof buildStack>;
let template: Template;

beforeAll(() => {
  built = buildStack();
  template = built.template();
});

const fnRef = (key: string) => ({
  'Fn::GetAtt': [Match.stringLikeRegexp(`^${key}Function[0-9A-F]+$`), 'Arn'],
});

describe('ContactRouterStack contact center', () => {
  it('creates a queue and hours of operation per policy queue, in its time zone, with holidays', () => {
    const count = Object.keys(built.policy.queues).length;
    template.resourceCountIs('AWS::Connect::Queue', count);
    template.resourceCountIs('AWS::Connect::HoursOfOperation', count);
    template.hasResourceProperties('AWS::Connect::HoursOfOperation', {
      Name: 'Équipe France (Paris) (dev)',
      TimeZone: 'Europe/Paris',
      HoursOfOperationOverrides: Match.arrayWith([
        Match.objectLike({
          OverrideName: '2026-12-25 Noël',
          OverrideType: 'CLOSED',
          EffectiveFrom: '2026-12-25',
        }),
      ]),
    });
    template.hasResourceProperties('AWS::Connect::Queue', {
      Name: 'Équipe France (Paris) (dev)',
      HoursOfOperationArn: {
        'Fn::GetAtt': [Match.stringLikeRegexp('^ContactCenterfrteamhours'), 'HoursOfOperationArn'],
      },
    });
  });

  it('associates the IVR Lambda with the instance and lets only that instance invoke it', () => {
    const instanceArn = built.config.connect.instanceArn;
    template.hasResourceProperties('AWS::Connect::IntegrationAssociation', {
      InstanceId: instanceArn,
      IntegrationType: 'LAMBDA_FUNCTION',
      IntegrationArn: fnRef('connectIvr'),
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: fnRef('connectIvr'),
      Principal: 'connect.amazonaws.com',
      SourceArn: instanceArn,
      SourceAccount: '111111111111',
    });
  });

  it('creates the flows that invoke the IVR Lambda only after it is associated', () => {
    for (const name of ['main-inbound', 'customer-queue']) {
      const flows = template.findResources('AWS::Connect::ContactFlow', {
        Properties: { Name: `contact-router ${name} (dev)` },
      });
      expect(Object.values(flows)[0]?.DependsOn).toEqual([
        expect.stringMatching(/^IvrIntegrationAssociation/),
      ]);
    }
  });

  it('deploys each flow as a type whose actions Connect allows, every queue transfer naming its NextAction', () => {
    // Prepare
    const flows = Object.values(template.findResources('AWS::Connect::ContactFlow'));

    // Act
    const problems = flows.map((f) => ({
      name: f.Properties.Name as string,
      type: f.Properties.Type as FlowType,
      problems: validateFlow(flowText(f.Properties.Content), { flowType: f.Properties.Type as FlowType }),
    }));

    // Assess
    expect(problems.map((p) => `${p.name}: ${p.type}`).sort()).toEqual([
      'contact-router customer-queue (dev): CUSTOMER_QUEUE',
      'contact-router main-inbound (dev): CONTACT_FLOW',
      'contact-router task-routing (dev): CONTACT_FLOW',
    ]);
    expect(problems.flatMap((p) => p.problems)).toEqual([]);
  });

  it('claims and associates the configured numbers and tells the IVR its loyalty lines', () => {
    template.hasResourceProperties('AWS::Connect::PhoneNumber', {
      CountryCode: 'US',
      Type: 'DID',
      Prefix: '+1206',
    });
    template.resourcePropertiesCountIs(
      'Custom::AWS',
      {
        Create: Match.objectLike({
          'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('associatePhoneNumberContactFlow')])],
        }),
      },
      2,
    );
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('Connect IVR'),
      Environment: { Variables: Match.objectLike({ LOYALTY_LINES: '["+18005550123"]' }) },
    });
  });

  it('lets the IVR read staffing but not start tasks (the flow queues the call itself)', () => {
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^connectIvrRole') }] },
    });
    const actions = JSON.stringify(Object.values(policies).map((p) => p.Properties.PolicyDocument.Statement));
    expect(actions).toContain('connect:GetCurrentMetricData');
    expect(actions).not.toContain('connect:StartTaskContact');
  });

  it('retries hand-offs every minute, with a DLQ for invocations that cannot be delivered', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [Match.objectLike({ Arn: fnRef('handoffRetry'), DeadLetterConfig: Match.anyValue() })],
    });
  });
});

describe('ContactRouterStack checks', () => {
  it('has no cdk-nag AwsSolutions finding left unacknowledged, and every acknowledgement has a reason', () => {
    // Act
    const report = new AwsSolutionsChecks().validateScope(built.stack);

    // Assess
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
    const reasons = built.stack.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules'))
      .flatMap((m) => Object.values(m.data as Record<string, string>));
    expect(reasons.length).toBeGreaterThan(5);
    for (const reason of reasons) expect(reason.length).toBeGreaterThan(30);
  });

  it('reports a door whose handler has not landed and deploys the rest', () => {
    // Act
    const partial = buildStack({
      resolveEntry: (entry) => (entry.includes('email-inbound') ? undefined : STAND_IN_HANDLER),
    });

    // Assess
    expect(partial.stack.missingHandlers).toEqual(['emailInbound']);
    Annotations.fromStack(partial.stack).hasWarning(
      '*',
      Match.stringLikeRegexp('email-inbound.ts does not exist yet'),
    );
    const t = partial.template();
    t.resourceCountIs('AWS::SES::ReceiptRuleSet', 0);
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /twilio/messaging' });
  });

  it('warns at synthesis about a team whose holiday horizon ends within 60 days, and only then', () => {
    // Prepare: a stocktake every day from the synthesis day on, each its own Connect override
    const json = JSON.parse(readFileSync('policy/routing-policy.json', 'utf8'));
    const closures: Record<string, string> = {};
    for (let i = 0; i < 70; i++) closures[addDays('2026-11-24', i)] = `Stocktake ${i + 1}`;
    json.queues['it-team'].holidays.closures = closures;
    const policy = loadRoutingPolicy(json, rollingHolidaySource(new Date('2026-11-23T09:00:00Z')));

    // Act
    const crowded = buildStack({ policy });

    // Assess
    Annotations.fromStack(crowded.stack).hasWarning(
      '*',
      Match.stringLikeRegexp('^it-team: public holidays of IT are known only until 2027-01-'),
    );
    Annotations.fromStack(built.stack).hasNoWarning('*', Match.stringLikeRegexp('public holidays of'));
  });

  it('keeps data, logs and claimed numbers and protects the table in production', () => {
    const claimOne = (env: Record<string, unknown>) => {
      (env.connect as Record<string, unknown>).phoneNumbers = [
        { claim: { countryCode: 'GB', type: 'DID' }, flow: 'main-inbound' },
      ];
    };
    const prod = buildStack({ environmentName: 'prod', edit: claimOne }).template();
    prod.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain' });
    prod.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })],
    });
    prod.allResources('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain' });
    prod.hasResourceProperties('AWS::Connect::Queue', { Name: 'Équipe France (Paris)' });
    prod.hasResource('AWS::Connect::PhoneNumber', { DeletionPolicy: 'Retain' });
    built.template().hasResource('AWS::Connect::PhoneNumber', { DeletionPolicy: 'Delete' });
    prod.hasResourceProperties('AWS::Route53::RecordSet', {
      Type: 'MX',
      ResourceRecords: ['10 inbound-smtp.us-east-1.amazonaws.com'],
    });
  });
});
