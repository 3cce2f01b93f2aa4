// What a deployed handler sees in the handler tests: its environment pointing the real DynamoDB adapters
// at dynalite, and the AWS services that cannot run here (Connect, Secrets Manager) mocked at the SDK.
import {
  ConnectClient,
  GetCurrentMetricDataCommand,
  StartTaskContactCommand,
  UpdateContactRoutingDataCommand,
} from '@aws-sdk/client-connect';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import type { Dynalite } from './dynalite';
import { defaultPolicy } from './intake-harness';

// What the CDK app bakes into every bundle (infra/constructs/bundling.ts): the shipped policy's
// holiday calendar, here the tests' fixed horizon.
globalThis.CONTACT_ROUTER_HOLIDAYS = defaultPolicy.calendar;

/** The Secrets Manager secret the Twilio doors read their auth token from. */
export const TWILIO_SECRET = 'contact-router/twilio-auth-token';

/** The Secrets Manager secret every intake door reads the PIN pepper from, and the pepper in it. */
export const PEPPER_SECRET = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:pin-pepper-AbCdEf';
export const TEST_PEPPER = 'lambda-pepper-0123456789abcdef';

/** Two Connect queues of the shipped policy, as CONNECT_QUEUES names them. */
export const TEST_QUEUES = {
  'en-team': { id: 'q-en', arn: 'arn:aws:connect:eu-west-1:111122223333:instance/i-1/queue/q-en' },
  'global-247': { id: 'q-247', arn: 'arn:aws:connect:eu-west-1:111122223333:instance/i-1/queue/q-247' },
};

/** The mocked Connect client of a test file. */
export const connectMock = mockClient(ConnectClient);
/** The mocked Secrets Manager client of a test file. */
export const secretsMock = mockClient(SecretsManagerClient);

/** A handler's environment over this dynalite; `extra` adds or overrides variables. */
export function lambdaEnv(db: Dynalite, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    TABLE_NAME: db.tables.main,
    CONNECT_INSTANCE_ID: 'i-1',
    CONNECT_TASK_FLOW_ID: 'flow-task',
    CONNECT_QUEUES: JSON.stringify(TEST_QUEUES),
    TWILIO_AUTH_TOKEN_SECRET: TWILIO_SECRET,
    PIN_PEPPER_SECRET: PEPPER_SECRET,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    ...extra,
  };
}

/** Resets the mocks to healthy services: the token and the pepper in their secrets, Connect accepting tasks. */
export function healthyAws(token: string): void {
  connectMock.reset();
  secretsMock.reset();
  secretsMock.on(GetSecretValueCommand, { SecretId: TWILIO_SECRET }).resolves({ SecretString: token });
  secretsMock.on(GetSecretValueCommand, { SecretId: PEPPER_SECRET }).resolves({ SecretString: TEST_PEPPER });
  connectMock.on(GetCurrentMetricDataCommand).resolves({ MetricResults: [] });
  connectMock.on(StartTaskContactCommand).resolves({ ContactId: 'task-1' });
  connectMock.on(UpdateContactRoutingDataCommand).resolves({});
}
