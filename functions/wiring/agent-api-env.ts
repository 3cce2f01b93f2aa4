import { positiveIntEnv, requiredEnv, requiredJsonEnv } from './env-vars';
import {
  type MessengerEnvironmentInput,
  type MessengerSettings,
  messengerEnvironment,
  readMessengerSettings,
} from './messenger-env';
import { readSurveyLinkSettings, type SurveyLinkSettings, surveyLinksEnvironment } from './survey-env';

/**
 * The agent-api Lambda's settings (functions/handlers/agent-api.ts): the CDK app writes them with
 * agentApiEnvironment() and the handler reads them once at cold start with readAgentApiSettings(), so
 * both sides name the same variables.
 */
export interface AgentApiSettings {
  readonly tableName: string;
  readonly connect: {
    readonly instanceId: string;
    readonly taskFlowId: string;
    /** Policy queue id → Connect queue {id, arn}. */
    readonly queues: Readonly<Record<string, { readonly id: string; readonly arn: string }>>;
  };
  /** How many open Connect tasks GET /api/queues reads at most. */
  readonly queueListLimit: number;
  /** How agent replies and surveys reach guests. */
  readonly messengers: MessengerSettings;
  readonly surveyLinks: SurveyLinkSettings;
}

const VARS = {
  tableName: 'TABLE_NAME',
  instanceId: 'CONNECT_INSTANCE_ID',
  taskFlowId: 'CONNECT_TASK_FLOW_ID',
  queues: 'CONNECT_QUEUES',
  queueListLimit: 'AGENT_API_QUEUE_LIST_LIMIT',
} as const;

/** Default of AgentApiSettings.queueListLimit. */
export const AGENT_API_QUEUE_LIST_LIMIT = 500;

/** What the CDK app knows of the settings; `queuesJson` is CONNECT_QUEUES already serialized (a CDK token). */
export interface AgentApiEnvironmentInput {
  readonly tableName: string;
  readonly connect: Omit<AgentApiSettings['connect'], 'queues'> & { readonly queuesJson: string };
  readonly queueListLimit: number;
  readonly messengers: MessengerEnvironmentInput;
  readonly surveyLinks: SurveyLinkSettings;
}

/** The environment of the agent-api Lambda. */
export function agentApiEnvironment(settings: AgentApiEnvironmentInput): Record<string, string> {
  return {
    [VARS.tableName]: settings.tableName,
    [VARS.instanceId]: settings.connect.instanceId,
    [VARS.taskFlowId]: settings.connect.taskFlowId,
    [VARS.queues]: settings.connect.queuesJson,
    [VARS.queueListLimit]: String(settings.queueListLimit),
    ...messengerEnvironment(settings.messengers),
    ...surveyLinksEnvironment(settings.surveyLinks),
  };
}

/** Reads and checks the agent-api Lambda's settings; a missing or malformed one fails the cold start. */
export function readAgentApiSettings(env: NodeJS.ProcessEnv = process.env): AgentApiSettings {
  return {
    tableName: requiredEnv(VARS.tableName, env),
    connect: {
      instanceId: requiredEnv(VARS.instanceId, env),
      taskFlowId: requiredEnv(VARS.taskFlowId, env),
      queues: requiredJsonEnv(VARS.queues, env),
    },
    queueListLimit: positiveIntEnv(VARS.queueListLimit, AGENT_API_QUEUE_LIST_LIMIT, env),
    messengers: readMessengerSettings(env),
    surveyLinks: readSurveyLinkSettings(env),
  };
}
