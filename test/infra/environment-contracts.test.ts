// Each Lambda's environment as the synthesized stack gives it, read by the very contract its handler
// reads at cold start (functions/wiring/<lambda>-env.ts): nothing the handler needs is missing, and
// the stack sets nothing the handler never reads. So the CDK app and the handlers cannot drift apart.
import { beforeAll, describe, expect, it } from 'vitest';
import { readAgentApiSettings } from '../../functions/wiring/agent-api-env';
import { readBookingUpdatesSettings } from '../../functions/wiring/booking-updates-env';
import { readCaseTaskSweepSettings } from '../../functions/wiring/case-task-sweep-env';
import { readConnectEventsSettings } from '../../functions/wiring/connect-events-env';
import { readConnectIvrSettings } from '../../functions/wiring/connect-ivr-env';
import { readEmailInboundSettings } from '../../functions/wiring/email-inbound-env';
import { ConfigurationError } from '../../functions/wiring/env-vars';
import { readEraseGuestSettings } from '../../functions/wiring/erase-guest-env';
import { readHandoffRetrySettings } from '../../functions/wiring/handoff-retry-env';
import { readSurveyPageSettings } from '../../functions/wiring/survey-page-env';
import { readTelegramWebhookSettings } from '../../functions/wiring/telegram-webhook-env';
import { readTwilioMessagingSettings } from '../../functions/wiring/twilio-messaging-env';
import { readTwilioStatusSettings } from '../../functions/wiring/twilio-status-env';
import { readTwilioTaskRouterSettings } from '../../functions/wiring/twilio-taskrouter-env';
import { readTwilioVoiceSettings } from '../../functions/wiring/twilio-voice-env';
import { HANDLER_ENTRIES, type HandlerKey } from '../../infra/constructs/handler-entries';
import { runtimeEnvironment } from '../../infra/constructs/handler-function';
import { buildStack } from './support/build-stack';

type Reader = (env: NodeJS.ProcessEnv) => unknown;

// The reader each Lambda's handler calls at cold start.
const CONTRACTS: Record<HandlerKey, Reader> = {
  twilioMessaging: readTwilioMessagingSettings,
  twilioVoice: readTwilioVoiceSettings,
  connectIvr: readConnectIvrSettings,
  emailInbound: readEmailInboundSettings,
  handoffRetry: readHandoffRetrySettings,
  connectEvents: readConnectEventsSettings,
  caseTaskSweep: readCaseTaskSweepSettings,
  twilioTaskRouter: readTwilioTaskRouterSettings,
  agentApi: readAgentApiSettings,
  eraseGuest: readEraseGuestSettings,
  twilioStatus: readTwilioStatusSettings,
  bookingUpdates: readBookingUpdatesSettings,
  telegramWebhook: readTelegramWebhookSettings,
  surveyPage: readSurveyPageSettings,
};

// What a deploy-time reference (a CloudFormation Ref, Fn::Join…) stands for once deployed.
const DEPLOYED: Record<string, string> = {
  TABLE_NAME: 'ContactRouter-dev-DataTable',
  CONNECT_TASK_FLOW_ID: '11111111-2222-4333-8444-555555555555',
  CONNECT_QUEUES: JSON.stringify({ 'en-team': { id: 'q-en', arn: 'arn:aws:connect:::queue/q-en' } }),
  PIN_PEPPER_SECRET: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:pin-pepper-AbCdEf',
  REPLY_SIGNING_SECRET: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:reply-AbCdEf',
  RAW_MAIL_BUCKET: 'contactrouter-dev-rawmail',
  SURVEY_SIGNING_SECRET: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:survey-AbCdEf',
  LOYALTY_LINES: '["+441234567890"]',
};

const RUNTIME = new Set(
  Object.keys(runtimeEnvironment({ serviceName: 's', metricsNamespace: 'n', production: false })),
);

/** The variables a reader looks at while reading `vars`, and whether it accepted them. */
function readBy(reader: Reader, vars: Record<string, string>) {
  const looked = new Set<string>();
  const env = new Proxy(vars, {
    get(target, name) {
      if (typeof name === 'string') looked.add(name);
      return Reflect.get(target, name);
    },
  });
  try {
    reader(env);
    return { looked, error: undefined };
  } catch (error) {
    return { looked, error: error as Error };
  }
}

let lambdas: Map<string, Record<string, unknown>>;

beforeAll(() => {
  // Every optional part deployed: a public origin in front of the Twilio webhooks, the email door.
  const built = buildStack({
    edit: (env) => {
      (env.twilio as Record<string, unknown>).publicOrigin = 'https://support.example.com';
    },
  });
  const functions = built.template().findResources('AWS::Lambda::Function');
  lambdas = new Map(
    Object.values(functions)
      .map((fn) => fn.Properties.Environment?.Variables as Record<string, unknown> | undefined)
      .filter((vars) => vars?.POWERTOOLS_SERVICE_NAME !== undefined)
      .map((vars) => [String(vars?.POWERTOOLS_SERVICE_NAME), vars ?? {}]),
  );
}, 120_000);

describe('each Lambda’s environment and its contract', () => {
  it('deploys every Lambda of HANDLER_ENTRIES, each with a contract', () => {
    expect([...lambdas.keys()].sort()).toEqual(Object.keys(HANDLER_ENTRIES).sort());
  });

  it.each(Object.keys(CONTRACTS) as HandlerKey[])(
    'gives %s exactly what its contract reads: nothing missing, nothing stray',
    (key) => {
      // Prepare: the stack's values, deploy-time references as they resolve when deployed
      const variables = lambdas.get(key) ?? {};
      const own = Object.entries(variables).filter(([name]) => !RUNTIME.has(name));
      const deployed = Object.fromEntries(
        own.map(([name, value]) => [name, typeof value === 'string' ? value : (DEPLOYED[name] ?? '')]),
      );
      // Act
      const { looked, error } = readBy(CONTRACTS[key], deployed);
      // Assess
      expect(error, `${key}: ${error?.message}`).toBeUndefined();
      expect(own.map(([name]) => name).filter((name) => !looked.has(name))).toEqual([]);
    },
  );

  it('notices a variable the stack left out: the contract names it', () => {
    const { TABLE_NAME: _left, ...rest } = Object.fromEntries(
      Object.entries(lambdas.get('twilioStatus') ?? {}).map(([k, v]) => [k, String(v)]),
    );
    const { error } = readBy(CONTRACTS.twilioStatus, rest);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error?.message).toContain('TABLE_NAME');
  });
});
