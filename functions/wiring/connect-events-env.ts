import {
  type MessengerEnvironmentInput,
  type MessengerSettings,
  messengerEnvironment,
  readMessengerSettings,
} from './messenger-env';
import {
  type ContactCenterInput,
  type ContactCenterSettings,
  contactCenterEnvironment,
  readContactCenterSettings,
} from './shared-env';
import { readSurveyLinkSettings, type SurveyLinkSettings, surveyLinksEnvironment } from './survey-env';

/**
 * The connect-events Lambda's settings (functions/handlers/connect-events.ts): written by the CDK app
 * with connectEventsEnvironment(), read once at cold start with readConnectEventsSettings().
 */
export interface ConnectEventsSettings extends ContactCenterSettings {
  /** How the survey reaches the guest of a case Connect resolved. */
  readonly messengers: MessengerSettings;
  readonly surveyLinks: SurveyLinkSettings;
}

/** What the CDK app knows of the settings; `queuesJson` is CONNECT_QUEUES already serialized (a CDK token). */
export interface ConnectEventsEnvironmentInput extends ContactCenterInput {
  readonly messengers: MessengerEnvironmentInput;
  readonly surveyLinks: SurveyLinkSettings;
}

/** The environment of the connect-events Lambda. */
export function connectEventsEnvironment(settings: ConnectEventsEnvironmentInput): Record<string, string> {
  return {
    ...contactCenterEnvironment(settings),
    ...messengerEnvironment(settings.messengers),
    ...surveyLinksEnvironment(settings.surveyLinks),
  };
}

/** Reads and checks the connect-events Lambda's settings; a missing or malformed one fails the cold start. */
export function readConnectEventsSettings(env: NodeJS.ProcessEnv = process.env): ConnectEventsSettings {
  return {
    ...readContactCenterSettings(env),
    messengers: readMessengerSettings(env),
    surveyLinks: readSurveyLinkSettings(env),
  };
}
