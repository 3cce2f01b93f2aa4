import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStack } from './support/build-stack';

let template: Template;

beforeAll(() => {
  template = buildStack().template();
});

const statusFunction = () => {
  const found = Object.entries(
    template.findResources('AWS::Lambda::Function', {
      Properties: { Description: Match.stringLikeRegexp('status callbacks') },
    }),
  );
  expect(found).toHaveLength(1);
  return found[0] as [string, { Properties: { Environment: { Variables: Record<string, unknown> } } }];
};

describe('ContactRouterStack: Twilio message status callbacks', () => {
  it('routes POST /twilio/status to its own Lambda and outputs the StatusCallback URL', () => {
    const [logicalId] = statusFunction();
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationUri: { 'Fn::GetAtt': [logicalId, 'Arn'] },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /twilio/status' });
    template.hasOutput('TwilioStatusCallback', {
      Value: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/twilio/status$')])] },
    });
  });

  it('gives it the table and Twilio’s token, but no Connect, no PIN pepper and no queues', () => {
    const [, fn] = statusFunction();
    const variables = fn.Properties.Environment.Variables;
    expect(variables).toMatchObject({
      TABLE_NAME: { Ref: expect.stringMatching(/^DataTable/) },
      TWILIO_AUTH_TOKEN_SECRET: 'contact-router/dev/twilio-auth-token',
    });
    for (const name of ['PIN_PEPPER_SECRET', 'CONNECT_INSTANCE_ID', 'CONNECT_QUEUES'])
      expect(variables).not.toHaveProperty(name);
    const policies = Object.values(
      template.findResources('AWS::IAM::Policy', {
        Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^twilioStatusRole') }] },
      }),
    );
    const actions = JSON.stringify(policies.map((p) => p.Properties.PolicyDocument.Statement));
    expect(actions).toContain('secretsmanager:GetSecretValue');
    expect(actions).toContain('dynamodb:PutItem');
    expect(actions).not.toContain('connect:');
  });

  it('alarms on its errors and on a duration close to Twilio’s 15 s', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Duration',
      Threshold: 11250,
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.stringLikeRegexp('^twilioStatusFunction') } }],
    });
  });
});
