import {
  type ContactCenterSettings,
  contactCenterEnvironment,
  readContactCenterSettings,
  readTwilioWebhookSettings,
  type TwilioWebhookSettings,
  twilioWebhookEnvironment,
  type WithContactCenterInput,
} from './shared-env';

/** The twilio-taskrouter Lambda's settings (functions/handlers/twilio-taskrouter.ts). */
export interface TwilioTaskRouterSettings extends ContactCenterSettings {
  readonly webhook: TwilioWebhookSettings;
}

/** The environment of the twilio-taskrouter Lambda. */
export function twilioTaskRouterEnvironment(
  input: WithContactCenterInput<TwilioTaskRouterSettings>,
): Record<string, string> {
  return { ...contactCenterEnvironment(input), ...twilioWebhookEnvironment(input.webhook) };
}

/** Reads and checks the twilio-taskrouter Lambda's settings; a missing or malformed one fails the cold start. */
export function readTwilioTaskRouterSettings(env: NodeJS.ProcessEnv = process.env): TwilioTaskRouterSettings {
  return { ...readContactCenterSettings(env), webhook: readTwilioWebhookSettings(env) };
}
