import {
  type IntakeSettings,
  intakeEnvironment,
  readIntakeSettings,
  readRepliesLimit,
  readTwilioWebhookSettings,
  repliesLimitEnvironment,
  type TwilioWebhookSettings,
  twilioWebhookEnvironment,
  type WithContactCenterInput,
} from './shared-env';

/** The twilio-messaging Lambda's settings (functions/handlers/twilio-messaging.ts). */
export interface TwilioMessagingSettings extends IntakeSettings {
  readonly webhook: TwilioWebhookSettings;
  /** Automatic answers one SMS or WhatsApp sender gets an hour; the rest are recorded without one. */
  readonly repliesPerSenderPerHour: number;
}

/** What the CDK app gives: the limit may be left to its default. */
export type TwilioMessagingInput = WithContactCenterInput<
  Omit<TwilioMessagingSettings, 'repliesPerSenderPerHour'> & { readonly repliesPerSenderPerHour?: number }
>;

/** The environment of the twilio-messaging Lambda. */
export function twilioMessagingEnvironment(input: TwilioMessagingInput): Record<string, string> {
  return {
    ...intakeEnvironment(input),
    ...twilioWebhookEnvironment(input.webhook),
    ...repliesLimitEnvironment(input.repliesPerSenderPerHour),
  };
}

/** Reads and checks the twilio-messaging Lambda's settings; a missing or malformed one fails the cold start. */
export function readTwilioMessagingSettings(env: NodeJS.ProcessEnv = process.env): TwilioMessagingSettings {
  return {
    ...readIntakeSettings(env),
    webhook: readTwilioWebhookSettings(env),
    repliesPerSenderPerHour: readRepliesLimit(env),
  };
}
