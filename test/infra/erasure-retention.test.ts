import { Match, type Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStack } from './support/build-stack';

let built: ReturnType<typeof buildStack>;
let template: Template;

beforeAll(() => {
  // A deploy config keeping raw mail 30 days instead of the default 90.
  built = buildStack({
    edit: (env) => {
      (env.email as Record<string, unknown>).rawMailRetentionDays = 30;
    },
  });
  template = built.template();
});

const eraseRole = () => {
  const fns = template.findResources('AWS::Lambda::Function', {
    Properties: { Description: Match.stringLikeRegexp('erases one guest') },
  });
  const [id, fn] = Object.entries(fns)[0] ?? ['', { Properties: {} }];
  const role = fn.Properties.Role as { 'Fn::GetAtt': string[] };
  return { id, roleRef: role['Fn::GetAtt'][0] as string };
};

function statementsOf(roleLogicalId: string) {
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: roleLogicalId }]) },
  });
  return Object.values(policies).flatMap(
    (p) =>
      (p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]) ?? [],
  );
}

describe('ContactRouterStack erasure and retention', () => {
  it('deploys the erase-guest Lambda with the table, bucket and Connect settings it reads', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('erases one guest'),
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: Match.anyValue(),
          RAW_MAIL_BUCKET: Match.anyValue(),
          QUARANTINE_PREFIX: 'quarantine/',
          CONNECT_INSTANCE_ID: Match.anyValue(),
        }),
      },
    });
    template.hasOutput('EraseGuestFunctionName', { Value: { Ref: eraseRole().id } });
  });

  it('grants the erasure Lambda only reads, rewrites and deletes, never a scan or another bucket action', () => {
    // Act
    const statements = statementsOf(eraseRole().roleRef);
    const actions = statements
      .flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]))
      // Every function writes its own log stream and traces (HandlerFunction): not what erasure adds.
      .filter((a) => !/^(logs|xray):/.test(a));
    // Assess
    expect(new Set(actions)).toEqual(
      new Set([
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:BatchWriteItem',
        's3:DeleteObject',
        'connect:StopContact',
      ]),
    );
    const s3 = statements.find((s) => s.Action === 's3:DeleteObject');
    expect(JSON.stringify(s3?.Resource)).toMatch(/inbound\/\*.*quarantine\/\*/);
    const table = statements.find((s) => Array.isArray(s.Action) && s.Action.includes('dynamodb:Query'));
    expect(JSON.stringify(table?.Resource)).toContain('/index/gsi1');
    expect(JSON.stringify(table?.Resource)).not.toContain('/index/*');
  });

  it('keeps the table’s TTL attribute on, which closed cases and PIN guards share', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
    });
  });

  it('runs the case sweep’s retention task hourly, with the sweep’s dead-letter queue', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^caseTaskSweepFunction'), 'Arn'] },
          Input: JSON.stringify({ task: 'close-settled' }),
          DeadLetterConfig: Match.anyValue(),
        }),
      ],
    });
  });

  it('expires raw mail after the deploy config’s rawMailRetentionDays', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'inbound/', ExpirationInDays: 30, Status: 'Enabled' }),
          Match.objectLike({ Prefix: 'quarantine/', ExpirationInDays: 30, Status: 'Enabled' }),
        ]),
      },
    });
  });

  it('leaves no cdk-nag AwsSolutions finding on the erasure Lambda unacknowledged', () => {
    const report = new AwsSolutionsChecks().validateScope(built.stack);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });
});
