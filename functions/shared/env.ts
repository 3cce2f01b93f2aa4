import { positiveIntEnv, requiredEnv, requiredJsonEnv } from '../wiring/env-vars';

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
}

const AGENT_API_VARS = {
  tableName: 'TABLE_NAME',
  instanceId: 'CONNECT_INSTANCE_ID',
  taskFlowId: 'CONNECT_TASK_FLOW_ID',
  queues: 'CONNECT_QUEUES',
  queueListLimit: 'AGENT_API_QUEUE_LIST_LIMIT',
} as const;

/** Default of AgentApiSettings.queueListLimit. */
export const AGENT_API_QUEUE_LIST_LIMIT = 500;

/** The environment of the agent-api Lambda; `queuesJson` is CONNECT_QUEUES already serialized (a CDK token). */
export function agentApiEnvironment(
  settings: Omit<AgentApiSettings, 'connect'> & {
    readonly connect: Omit<AgentApiSettings['connect'], 'queues'> & { readonly queuesJson: string };
  },
): Record<string, string> {
  return {
    [AGENT_API_VARS.tableName]: settings.tableName,
    [AGENT_API_VARS.instanceId]: settings.connect.instanceId,
    [AGENT_API_VARS.taskFlowId]: settings.connect.taskFlowId,
    [AGENT_API_VARS.queues]: settings.connect.queuesJson,
    [AGENT_API_VARS.queueListLimit]: String(settings.queueListLimit),
  };
}

/** Reads and checks the agent-api Lambda's settings; a missing or malformed one fails the cold start. */
export function readAgentApiSettings(env: NodeJS.ProcessEnv = process.env): AgentApiSettings {
  return {
    tableName: requiredEnv(AGENT_API_VARS.tableName, env),
    connect: {
      instanceId: requiredEnv(AGENT_API_VARS.instanceId, env),
      taskFlowId: requiredEnv(AGENT_API_VARS.taskFlowId, env),
      queues: requiredJsonEnv(AGENT_API_VARS.queues, env),
    },
    queueListLimit: positiveIntEnv(AGENT_API_VARS.queueListLimit, AGENT_API_QUEUE_LIST_LIMIT, env),
  };
}
