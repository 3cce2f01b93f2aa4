import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStack } from './support/build-stack';

let template: Template;

// Synthesis with cdk-nag takes seconds alone and far longer on a busy machine.
const SYNTH_MS = 180_000;

beforeAll(() => {
  template = buildStack().template();
}, SYNTH_MS);

const telegramFunction = () => {
  const found = Object.entries(
    template.findResources('AWS::Lambda::Function', {
      Properties: { Description: Match.stringLikeRegexp('^Telegram Bot API webhook') },
    }),
  );
  expect(found).toHaveLength(1);
  return found[0] as [string, { Properties: { Environment: { Variables: Record<string, unknown> } } }];
};

describe('ContactRouterStack: the Telegram door', () => {
  it('routes POST /telegram/webhook to its Lambda and outputs the URL for setWebhook', () => {
    const [logicalId] = telegramFunction();
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationUri: { 'Fn::GetAtt': [logicalId, 'Arn'] },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /telegram/webhook' });
    const outputs = template.findOutputs('*', {
      Value: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/telegram/webhook$')])] },
    });
    expect(Object.keys(outputs)).toHaveLength(1);
  });

  it('names both secrets and the intake’s settings in its environment', () => {
    const [, fn] = telegramFunction();
    expect(fn.Properties.Environment.Variables).toMatchObject({
      TELEGRAM_BOT_TOKEN_SECRET: 'contact-router/dev/telegram-bot-token',
      TELEGRAM_WEBHOOK_TOKEN_SECRET: 'contact-router/dev/telegram-webhook-secret',
      TABLE_NAME: { Ref: expect.stringMatching(/^DataTable/) },
      PIN_PEPPER_SECRET: expect.anything(),
      CONNECT_QUEUES: expect.anything(),
    });
  });

  it('may read the two Telegram secrets and hand off to Connect, nothing of Twilio', () => {
    const policies = Object.values(
      template.findResources('AWS::IAM::Policy', {
        Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^telegramWebhookRole') }] },
      }),
    );
    const statements = JSON.stringify(policies.map((p) => p.Properties.PolicyDocument.Statement));
    expect(statements).toContain('contact-router/dev/telegram-bot-token-??????');
    expect(statements).toContain('contact-router/dev/telegram-webhook-secret-??????');
    expect(statements).toContain('connect:StartTaskContact');
    expect(statements).not.toContain('twilio-auth-token');
  });

  it(
    'is not deployed without telegram in the deploy config',
    () => {
      const without = buildStack({ edit: (env) => delete env.telegram }).template();
      const found = without.findResources('AWS::Lambda::Function', {
        Properties: { Description: Match.stringLikeRegexp('^Telegram') },
      });
      expect(Object.keys(found)).toHaveLength(0);
      expect(JSON.stringify(without.toJSON())).not.toContain('/telegram/webhook');
    },
    SYNTH_MS,
  );
});
