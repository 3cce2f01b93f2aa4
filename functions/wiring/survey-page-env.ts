import { requiredEnv, requiredJsonEnv } from './env-vars';
import { readSurveyLinkSettings, type SurveyLinkSettings, surveyLinksEnvironment } from './survey-env';

/**
 * The survey-page Lambda's settings (functions/handlers/survey-page.ts): written by the CDK app with
 * surveyPageEnvironment(), read once at cold start with readSurveyPageSettings().
 */
export interface SurveyPageSettings {
  readonly tableName: string;
  /** A low score reopens the case: its new Connect task goes to the case's queue. */
  readonly connect: {
    readonly instanceId: string;
    readonly taskFlowId: string;
    readonly queues: Readonly<Record<string, { readonly id: string; readonly arn: string }>>;
  };
  /** The key the links are checked with (required here). */
  readonly surveyLinks: SurveyLinkSettings & { readonly signingSecret: string };
}

const VARS = {
  tableName: 'TABLE_NAME',
  instanceId: 'CONNECT_INSTANCE_ID',
  taskFlowId: 'CONNECT_TASK_FLOW_ID',
  queues: 'CONNECT_QUEUES',
} as const;

/** The environment of the survey-page Lambda; `queuesJson` is CONNECT_QUEUES already serialized. */
export function surveyPageEnvironment(settings: {
  readonly tableName: string;
  readonly connect: Omit<SurveyPageSettings['connect'], 'queues'> & { readonly queuesJson: string };
  readonly surveyLinks: SurveyPageSettings['surveyLinks'];
}): Record<string, string> {
  return {
    [VARS.tableName]: settings.tableName,
    [VARS.instanceId]: settings.connect.instanceId,
    [VARS.taskFlowId]: settings.connect.taskFlowId,
    [VARS.queues]: settings.connect.queuesJson,
    ...surveyLinksEnvironment(settings.surveyLinks),
  };
}

/** Reads and checks the survey-page Lambda's settings; a missing one fails the cold start. */
export function readSurveyPageSettings(env: NodeJS.ProcessEnv = process.env): SurveyPageSettings {
  const links = readSurveyLinkSettings(env);
  return {
    tableName: requiredEnv(VARS.tableName, env),
    connect: {
      instanceId: requiredEnv(VARS.instanceId, env),
      taskFlowId: requiredEnv(VARS.taskFlowId, env),
      queues: requiredJsonEnv(VARS.queues, env),
    },
    surveyLinks: { ...links, signingSecret: requiredEnv('SURVEY_SIGNING_SECRET', env) },
  };
}
