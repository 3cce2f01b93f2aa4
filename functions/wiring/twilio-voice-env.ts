import { type ConnectIvrSettings, connectIvrEnvironment, readConnectIvrSettings } from './connect-ivr-env';
import { requiredEnv } from './env-vars';
import {
  readTwilioWebhookSettings,
  type TwilioWebhookSettings,
  twilioWebhookEnvironment,
  type WithContactCenterInput,
} from './shared-env';

const WORKFLOW_SID_VAR = 'TWILIO_WORKFLOW_SID';

/** The twilio-voice Lambda's settings (functions/handlers/twilio-voice.ts): the IVR's, and Twilio's side. */
export interface TwilioVoiceSettings extends ConnectIvrSettings {
  readonly webhook: TwilioWebhookSettings;
  /** The TaskRouter workflow calls are enqueued to. */
  readonly workflowSid: string;
}

/** What the CDK app gives. */
export type TwilioVoiceInput = WithContactCenterInput<
  Omit<TwilioVoiceSettings, 'loyaltyLines' | 'repliesPerSenderPerHour'>
> & {
  readonly loyaltyLinesJson: string;
  readonly repliesPerSenderPerHour?: number;
};

/** The environment of the twilio-voice Lambda. */
export function twilioVoiceEnvironment(input: TwilioVoiceInput): Record<string, string> {
  return {
    ...connectIvrEnvironment(input),
    ...twilioWebhookEnvironment(input.webhook),
    [WORKFLOW_SID_VAR]: input.workflowSid,
  };
}

/** Reads and checks the twilio-voice Lambda's settings; a missing or malformed one fails the cold start. */
export function readTwilioVoiceSettings(env: NodeJS.ProcessEnv = process.env): TwilioVoiceSettings {
  return {
    ...readConnectIvrSettings(env),
    webhook: readTwilioWebhookSettings(env),
    workflowSid: requiredEnv(WORKFLOW_SID_VAR, env),
  };
}
