import { requiredEnv, requiredJsonEnv } from './env-vars';
import {
  type MessengerEnvironmentInput,
  type MessengerSettings,
  messengerEnvironment,
  readMessengerSettings,
} from './messenger-env';
import { readSurveyLinkSettings, type SurveyLinkSettings, surveyLinksEnvironment } from './survey-env';

/**
 * The connect-events Lambda's settings (functions/handlers/connect-events.ts): written by the CDK app
 * with connectEventsEnvironment(), read once at cold start with readConnectEventsSettings().
 */
export interface ConnectEventsSettings {
  readonly tableName: string;
  readonly connect: {
    readonly instanceId: string;
    readonly taskFlowId: string;
    /** Policy queue id → Connect queue {id, arn}. */
    readonly queues: Readonly<Record<string, { readonly id: string; readonly arn: string }>>;
  };
  /** How the survey reaches the guest of a case Connect resolved. */
  readonly messengers: MessengerSettings;
  readonly surveyLinks: SurveyLinkSettings;
}

const VARS = {
  tableName: 'TABLE_NAME',
  instanceId: 'CONNECT_INSTANCE_ID',
  taskFlowId: 'CONNECT_TASK_FLOW_ID',
  queues: 'CONNECT_QUEUES',
} as const;

/** What the CDK app knows of the settings; `queuesJson` is CONNECT_QUEUES already serialized (a CDK token). */
export interface ConnectEventsEnvironmentInput {
  readonly tableName: string;
  readonly connect: Omit<ConnectEventsSettings['connect'], 'queues'> & { readonly queuesJson: string };
  readonly messengers: MessengerEnvironmentInput;
  readonly surveyLinks: SurveyLinkSettings;
}

/** The environment of the connect-events Lambda. */
export function connectEventsEnvironment(settings: ConnectEventsEnvironmentInput): Record<string, string> {
  return {
    [VARS.tableName]: settings.tableName,
    [VARS.instanceId]: settings.connect.instanceId,
    [VARS.taskFlowId]: settings.connect.taskFlowId,
    [VARS.queues]: settings.connect.queuesJson,
    ...messengerEnvironment(settings.messengers),
    ...surveyLinksEnvironment(settings.surveyLinks),
  };
}

/** Reads and checks the connect-events Lambda's settings; a missing or malformed one fails the cold start. */
export function readConnectEventsSettings(env: NodeJS.ProcessEnv = process.env): ConnectEventsSettings {
  return {
    tableName: requiredEnv(VARS.tableName, env),
    connect: {
      instanceId: requiredEnv(VARS.instanceId, env),
      taskFlowId: requiredEnv(VARS.taskFlowId, env),
      queues: requiredJsonEnv(VARS.queues, env),
    },
    messengers: readMessengerSettings(env),
    surveyLinks: readSurveyLinkSettings(env),
  };
}
