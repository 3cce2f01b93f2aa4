import { positiveIntEnv } from './env-vars';
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
 * The agent-api Lambda's settings (functions/handlers/agent-api.ts): the CDK app writes them with
 * agentApiEnvironment() and the handler reads them once at cold start with readAgentApiSettings(), so
 * both sides name the same variables.
 */
export interface AgentApiSettings extends ContactCenterSettings {
  /** How many open Connect tasks GET /api/queues reads at most. */
  readonly queueListLimit: number;
  /** How agent replies and surveys reach guests. */
  readonly messengers: MessengerSettings;
  readonly surveyLinks: SurveyLinkSettings;
}

const QUEUE_LIST_LIMIT = 'AGENT_API_QUEUE_LIST_LIMIT';

/** Default of AgentApiSettings.queueListLimit. */
export const AGENT_API_QUEUE_LIST_LIMIT = 500;

/** What the CDK app knows of the settings; `queuesJson` is CONNECT_QUEUES already serialized (a CDK token). */
export interface AgentApiEnvironmentInput extends ContactCenterInput {
  readonly queueListLimit: number;
  readonly messengers: MessengerEnvironmentInput;
  readonly surveyLinks: SurveyLinkSettings;
}

/** The environment of the agent-api Lambda. */
export function agentApiEnvironment(settings: AgentApiEnvironmentInput): Record<string, string> {
  return {
    ...contactCenterEnvironment(settings),
    [QUEUE_LIST_LIMIT]: String(settings.queueListLimit),
    ...messengerEnvironment(settings.messengers),
    ...surveyLinksEnvironment(settings.surveyLinks),
  };
}

/** Reads and checks the agent-api Lambda's settings; a missing or malformed one fails the cold start. */
export function readAgentApiSettings(env: NodeJS.ProcessEnv = process.env): AgentApiSettings {
  return {
    ...readContactCenterSettings(env),
    queueListLimit: positiveIntEnv(QUEUE_LIST_LIMIT, AGENT_API_QUEUE_LIST_LIMIT, env),
    messengers: readMessengerSettings(env),
    surveyLinks: readSurveyLinkSettings(env),
  };
}
