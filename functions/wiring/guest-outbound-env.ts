import {
  type MessengerEnvironmentInput,
  type MessengerSettings,
  messengerEnvironment,
  readMessengerSettings,
} from './messenger-env';
import { readSurveyLinkSettings, type SurveyLinkSettings, surveyLinksEnvironment } from './survey-env';

/**
 * What a Lambda that answers guests reads besides its own settings: the messengers replies and surveys
 * go out through, and how survey mail links are signed (the agent API, the Connect events, the sweep).
 */
export interface GuestOutboundSettings {
  readonly messengers: MessengerSettings;
  readonly surveyLinks: SurveyLinkSettings;
}

/** GuestOutboundSettings as the CDK app knows them (stacks/guest-messages.ts). */
export interface GuestOutboundInput {
  readonly messengers: MessengerEnvironmentInput;
  readonly surveyLinks: SurveyLinkSettings;
}

/** The environment of GuestOutboundSettings. */
export function guestOutboundEnvironment(input: GuestOutboundInput): Record<string, string> {
  return { ...messengerEnvironment(input.messengers), ...surveyLinksEnvironment(input.surveyLinks) };
}

/** Reads GuestOutboundSettings; a malformed one fails the cold start, naming the variable. */
export function readGuestOutboundSettings(env: NodeJS.ProcessEnv): GuestOutboundSettings {
  return { messengers: readMessengerSettings(env), surveyLinks: readSurveyLinkSettings(env) };
}
