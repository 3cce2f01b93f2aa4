import { positiveIntEnv } from './env-vars';
import {
  type GuestOutboundInput,
  type GuestOutboundSettings,
  guestOutboundEnvironment,
  readGuestOutboundSettings,
} from './guest-outbound-env';
import {
  type ContactCenterInput,
  type ContactCenterSettings,
  contactCenterEnvironment,
  readContactCenterSettings,
} from './shared-env';

/**
 * The agent-api Lambda's settings (functions/handlers/agent-api.ts): the CDK app writes them with
 * agentApiEnvironment() and the handler reads them once at cold start with readAgentApiSettings(), so
 * both sides name the same variables.
 */
export interface AgentApiSettings extends ContactCenterSettings, GuestOutboundSettings {
  /** How many open Connect tasks GET /api/queues reads at most. */
  readonly queueListLimit: number;
}

const QUEUE_LIST_LIMIT = 'AGENT_API_QUEUE_LIST_LIMIT';

/** The agent-api Lambda's timeout (infra/stacks/agent-api.ts), inside API Gateway's 30 s. */
export const AGENT_API_TIMEOUT_SECONDS = 15;

/**
 * How long one request may go on starting sends of incident messages: a batch begun just before then
 * still ends inside the Lambda's timeout although a provider that does not answer holds each send for
 * its whole timeout (Twilio's messenger gives up after 10 s). The rest go on the case-task sweep.
 */
export const INCIDENT_SENDS_WITHIN_MS = (AGENT_API_TIMEOUT_SECONDS - 11) * 1000;

/** Default of AgentApiSettings.queueListLimit. */
export const AGENT_API_QUEUE_LIST_LIMIT = 500;

/** What the CDK app knows of the settings; `queuesJson` is CONNECT_QUEUES already serialized (a CDK token). */
export interface AgentApiEnvironmentInput extends ContactCenterInput, GuestOutboundInput {
  readonly queueListLimit: number;
}

/** The environment of the agent-api Lambda. */
export function agentApiEnvironment(settings: AgentApiEnvironmentInput): Record<string, string> {
  return {
    ...contactCenterEnvironment(settings),
    [QUEUE_LIST_LIMIT]: String(settings.queueListLimit),
    ...guestOutboundEnvironment(settings),
  };
}

/** Reads and checks the agent-api Lambda's settings; a missing or malformed one fails the cold start. */
export function readAgentApiSettings(env: NodeJS.ProcessEnv = process.env): AgentApiSettings {
  return {
    ...readContactCenterSettings(env),
    queueListLimit: positiveIntEnv(QUEUE_LIST_LIMIT, AGENT_API_QUEUE_LIST_LIMIT, env),
    ...readGuestOutboundSettings(env),
  };
}
