// What the CDK app writes with a contract's <name>Environment() its handler reads back with
// read<Name>Settings(), and a bad or missing setting fails the cold start naming its variable.
import { describe, expect, it } from 'vitest';
import {
  caseTaskSweepEnvironment,
  readCaseTaskSweepSettings,
} from '../../../functions/wiring/case-task-sweep-env';
import { connectIvrEnvironment, readConnectIvrSettings } from '../../../functions/wiring/connect-ivr-env';
import {
  emailInboundEnvironment,
  readEmailInboundSettings,
} from '../../../functions/wiring/email-inbound-env';
import { ConfigurationError } from '../../../functions/wiring/env-vars';
import { eraseGuestEnvironment, readEraseGuestSettings } from '../../../functions/wiring/erase-guest-env';
import {
  handoffRetryEnvironment,
  readHandoffRetrySettings,
} from '../../../functions/wiring/handoff-retry-env';
import {
  readTwilioStatusSettings,
  twilioStatusEnvironment,
} from '../../../functions/wiring/twilio-status-env';
import { readTwilioVoiceSettings, twilioVoiceEnvironment } from '../../../functions/wiring/twilio-voice-env';

const QUEUES = { 'en-team': { id: 'q-en', arn: 'arn:aws:connect:eu-west-1:1:instance/i-1/queue/q-en' } };
const CENTER = {
  tableName: 'contacts',
  connect: { instanceId: 'i-1', taskFlowId: 'flow-1', queuesJson: JSON.stringify(QUEUES) },
};
const READ_CENTER = {
  tableName: 'contacts',
  connect: { instanceId: 'i-1', taskFlowId: 'flow-1', queues: QUEUES },
};
const WEBHOOK = { authTokenSecret: 'contact-router/twilio', publicOrigin: 'https://support.example.com' };
const PEPPER = 'arn:aws:secretsmanager:eu-west-1:1:secret:pepper';

/** Throws what `read` throws on `env`, or fails the test when it reads without complaint. */
function refusal(read: (env: NodeJS.ProcessEnv) => unknown, env: Record<string, string>): Error {
  try {
    read(env);
  } catch (error) {
    return error as Error;
  }
  throw new Error('read without complaint');
}

describe('the Lambdas’ environment contracts', () => {
  it('reads back what the twilio-voice environment wrote, defaults filled in', () => {
    // Act
    const env = twilioVoiceEnvironment({
      ...CENTER,
      pinPepperSecret: PEPPER,
      webhook: WEBHOOK,
      workflowSid: 'WW0123',
      loyaltyLinesJson: '["+441234567890"]',
    });
    // Assess
    expect(readTwilioVoiceSettings(env)).toEqual({
      ...READ_CENTER,
      pinPepperSecret: PEPPER,
      webhook: WEBHOOK,
      workflowSid: 'WW0123',
      loyaltyLines: ['+441234567890'],
      repliesPerSenderPerHour: 5,
    });
  });

  it('reads back the email door’s addresses, secrets and prefix', () => {
    const env = emailInboundEnvironment({
      ...CENTER,
      pinPepperSecret: PEPPER,
      from: 'support@example.com',
      ownAddresses: ['support@example.com', 'help@example.com'],
      ownDomains: ['example.com'],
      fromName: 'Example Support',
      quarantinePrefix: 'held/',
      replySigningSecret: 'arn:signing',
    });
    const settings = readEmailInboundSettings(env);
    expect(settings).toMatchObject({
      ...READ_CENTER,
      fromName: 'Example Support',
      configurationSet: undefined,
      quarantinePrefix: 'held/',
      replySigningSecret: 'arn:signing',
    });
    expect(settings.email.own).toEqual({
      addresses: ['support@example.com', 'support@example.com', 'help@example.com'],
      domains: ['example.com'],
    });
  });

  it('writes the tunables only when given, and reads their defaults otherwise', () => {
    expect(readHandoffRetrySettings(handoffRetryEnvironment(CENTER)).batch).toBe(100);
    expect(readHandoffRetrySettings(handoffRetryEnvironment({ ...CENTER, batch: 7 })).batch).toBe(7);
    expect(
      readCaseTaskSweepSettings(caseTaskSweepEnvironment({ ...CENTER, budgetSeconds: 20 })),
    ).toMatchObject({
      staleMinutes: 30,
      batch: 200,
      budgetSeconds: 20,
    });
  });

  it('leaves the raw-mail bucket out of erase-guest without the email door', () => {
    const without = eraseGuestEnvironment(CENTER);
    expect(without).not.toHaveProperty('RAW_MAIL_BUCKET');
    expect(readEraseGuestSettings(without).rawMail).toBeUndefined();
    const withMail = eraseGuestEnvironment({ ...CENTER, rawMail: { bucket: 'raw', quarantinePrefix: 'q/' } });
    expect(readEraseGuestSettings(withMail).rawMail).toEqual({ bucket: 'raw', quarantinePrefix: 'q/' });
  });

  it.each([['TABLE_NAME'], ['TWILIO_AUTH_TOKEN_SECRET']])(
    'fails the twilio-status cold start naming a missing %s',
    (name) => {
      const { [name]: _gone, ...env } = twilioStatusEnvironment({ tableName: 't', webhook: WEBHOOK });
      const error = refusal(readTwilioStatusSettings, env);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.message).toContain(name);
    },
  );

  it.each([
    ['CONNECT_QUEUES', '{not json', 'CONNECT_QUEUES'],
    ['CONNECT_QUEUES', '["q-en"]', 'CONNECT_QUEUES'],
    ['LOYALTY_LINES', '"+441234567890"', 'LOYALTY_LINES'],
    ['MESSAGING_REPLIES_PER_SENDER_PER_HOUR', '0', 'MESSAGING_REPLIES_PER_SENDER_PER_HOUR'],
    ['PIN_PEPPER_SECRET', ' ', 'PIN_PEPPER_SECRET'],
  ])('fails the connect-ivr cold start when %s is %j', (name, value, named) => {
    const env = {
      ...connectIvrEnvironment({ ...CENTER, pinPepperSecret: PEPPER, loyaltyLinesJson: '[]' }),
      [name]: value,
    };
    const error = refusal(readConnectIvrSettings, env);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain(named);
  });

  it('refuses a public origin that is no URL: every signature check would fail on it', () => {
    const env = {
      ...twilioStatusEnvironment({ tableName: 't', webhook: WEBHOOK }),
      PUBLIC_ORIGIN: 'support.example.com',
    };
    expect(refusal(readTwilioStatusSettings, env).message).toContain('PUBLIC_ORIGIN');
  });

  it('refuses a sweep batch that is not a whole number above 0', () => {
    const env = { ...caseTaskSweepEnvironment(CENTER), TASK_SWEEP_BATCH: 'lots' };
    expect(refusal(readCaseTaskSweepSettings, env).message).toContain('TASK_SWEEP_BATCH');
  });
});
