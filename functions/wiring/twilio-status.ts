import { DynamoGuestAllowance } from '../adapters/dynamodb/outbound-guests';
import { DynamoOutboundLedger } from '../adapters/dynamodb/outbound-ledger';
import type { StatusLambdaDeps } from '../handlers/messaging/status-lambda';
import { documentClient } from '../shared/aws-clients';
import { awsSecret } from '../shared/aws-secrets';
import { readTwilioStatusSettings } from './twilio-status-env';

/** The twilio-status Lambda's dependencies from its environment, built once at cold start. */
export function wireTwilioStatus(env: NodeJS.ProcessEnv = process.env): StatusLambdaDeps {
  const settings = readTwilioStatusSettings(env);
  const client = documentClient();
  const table = settings.tableName;
  return {
    reports: new DynamoOutboundLedger(client, table, new DynamoGuestAllowance(client, table)),
    authToken: awsSecret(settings.webhook.authTokenSecret),
    clock: { now: () => new Date() },
    publicOrigin: settings.webhook.publicOrigin,
  };
}
