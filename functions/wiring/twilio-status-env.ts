import {
  readTableName,
  readTwilioWebhookSettings,
  SHARED_VARS,
  type TwilioWebhookSettings,
  twilioWebhookEnvironment,
} from './shared-env';

/** The twilio-status Lambda's settings (functions/handlers/twilio-status.ts): the table and Twilio's side, no Connect. */
export interface TwilioStatusSettings {
  readonly tableName: string;
  readonly webhook: TwilioWebhookSettings;
}

/** The environment of the twilio-status Lambda. */
export function twilioStatusEnvironment(settings: TwilioStatusSettings): Record<string, string> {
  return { [SHARED_VARS.tableName]: settings.tableName, ...twilioWebhookEnvironment(settings.webhook) };
}

/** Reads and checks the twilio-status Lambda's settings; a missing or malformed one fails the cold start. */
export function readTwilioStatusSettings(env: NodeJS.ProcessEnv = process.env): TwilioStatusSettings {
  return { tableName: readTableName(env), webhook: readTwilioWebhookSettings(env) };
}
