import { describe, expect, it } from 'vitest';
import { DeployConfigError, readDeployConfig } from '../../infra/config/deploy-config';
import { exampleContext } from './support/build-stack';

function exampleEnv(name = 'dev'): Record<string, unknown> {
  return structuredClone(exampleContext().contactRouter[name]) as Record<string, unknown>;
}

describe('readDeployConfig', () => {
  it('reads every environment of the documented example, deploying where the Connect instance lives', () => {
    // Prepare
    const { contactRouter } = exampleContext();

    // Act
    const dev = readDeployConfig(contactRouter, 'dev');
    const prod = readDeployConfig(contactRouter, 'prod');

    // Assess
    expect(dev).toMatchObject({ account: '111111111111', region: 'us-east-1', production: false });
    expect(dev.connectInstanceId).toBe('00000000-0000-4000-8000-000000000000');
    expect(prod).toMatchObject({ account: '222222222222', production: true, logRetentionDays: 365 });
    expect(prod.email.activateReceiptRuleSet).toBe(true);
  });

  it('names the missing environment and the configured ones', () => {
    expect(() => readDeployConfig(exampleContext().contactRouter, 'staging')).toThrow(
      'context contactRouter.staging is missing (environments configured: dev, prod)',
    );
  });

  it('names the path of every bad setting', () => {
    // Prepare
    const env = exampleEnv();
    (env.connect as Record<string, unknown>).instanceArn = 'arn:aws:connect:us-east-1:1:instance/x';
    (env.email as Record<string, unknown>).addresses = ['help@elsewhere.example'];
    env.logRetentionDays = 31;

    // Act
    const read = () => readDeployConfig({ dev: env }, 'dev');

    // Assess
    expect(read).toThrow(DeployConfigError);
    expect(read).toThrow(/contactRouter\.dev\.connect\.instanceArn: expected arn:aws:connect/);
    expect(read).toThrow(/contactRouter\.dev\.logRetentionDays: expected one of 1, 3, 5/);
  });

  it('refuses support addresses outside the receiving domain', () => {
    const env = exampleEnv();
    (env.email as Record<string, unknown>).addresses = ['help@support.example.com', 'help@elsewhere.example'];
    expect(() => readDeployConfig({ dev: env }, 'dev')).toThrow(
      'contactRouter.dev.email.addresses[1]: not an address of support.example.com',
    );
  });

  it('refuses a phone number that is not E.164 and an environment name CDK ids cannot carry', () => {
    const env = exampleEnv();
    (env.twilio as Record<string, unknown>).loyaltyNumbers = ['0044 20 7123 4567'];
    expect(() => readDeployConfig({ dev: env }, 'dev')).toThrow(
      'contactRouter.dev.twilio.loyaltyNumbers[0]: expected an E.164 number',
    );
    expect(() => readDeployConfig({ 'Dev Env': env }, 'Dev Env')).toThrow(/expected lower-case letters/);
  });
});

describe('readDeployConfig: Twilio sending settings', () => {
  it('reads the account, the senders and the WhatsApp templates of the example', () => {
    const dev = readDeployConfig({ dev: exampleEnv() }, 'dev');
    expect(dev.twilio).toMatchObject({
      accountSid: 'AC00000000000000000000000000000001',
      smsFrom: '+14155550123',
      whatsAppFrom: '+14155238886',
      whatsAppTemplates: { agent_reply: { fr: 'HX00000000000000000000000000000002' } },
    });
    expect(readDeployConfig({ prod: exampleEnv('prod') }, 'prod').twilio.whatsAppTemplates).toEqual({});
  });

  it('names a template that is not a Content SID, and a purpose that does not exist', () => {
    const env = exampleEnv();
    (env.twilio as Record<string, unknown>).whatsAppTemplates = { survey: { fr: 'welcome_v2' } };
    expect(() => readDeployConfig({ dev: env }, 'dev')).toThrow(
      'contactRouter.dev.twilio.whatsAppTemplates.survey.fr: expected a Twilio Content SID',
    );
    (env.twilio as Record<string, unknown>).whatsAppTemplates = {
      welcome: { fr: 'HX00000000000000000000000000000002' },
    };
    expect(() => readDeployConfig({ dev: env }, 'dev')).toThrow(
      /contactRouter\.dev\.twilio\.whatsAppTemplates/,
    );
  });
});
