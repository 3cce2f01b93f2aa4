import { REPLIES_PER_SENDER_VAR, repliesPerSenderPerHour } from '../shared/messaging-settings';
import { ConfigurationError, optionalUrlEnv, requiredEnv, requiredJsonEnv } from './env-vars';

// The settings several Lambdas share, one contract each: the names below are the only place a
// variable is spelled, and each Lambda's contract (functions/wiring/<lambda>-env.ts) is built of them.

/** The variables of the shared settings. */
export const SHARED_VARS = {
  tableName: 'TABLE_NAME',
  instanceId: 'CONNECT_INSTANCE_ID',
  taskFlowId: 'CONNECT_TASK_FLOW_ID',
  queues: 'CONNECT_QUEUES',
  pinPepperSecret: 'PIN_PEPPER_SECRET',
  authTokenSecret: 'TWILIO_AUTH_TOKEN_SECRET',
  publicOrigin: 'PUBLIC_ORIGIN',
} as const;

/** Policy queue id → Connect queue {id, arn}. */
export type ConnectQueues = Readonly<Record<string, { readonly id: string; readonly arn: string }>>;

/** The Amazon Connect instance cases are handed to. */
export interface ConnectSettings {
  readonly instanceId: string;
  /** The flow every case task starts on. */
  readonly taskFlowId: string;
  readonly queues: ConnectQueues;
}

/** The contact table and the Connect instance: what every Lambda that moves cases reads. */
export interface ContactCenterSettings {
  readonly tableName: string;
  readonly connect: ConnectSettings;
}

/** ContactCenterSettings as the CDK app writes them: CONNECT_QUEUES already serialized (a CDK token). */
export interface ContactCenterInput {
  readonly tableName: string;
  readonly connect: Omit<ConnectSettings, 'queues'> & { readonly queuesJson: string };
}

/** A contract's input as the CDK app gives it: its contact-centre part as ContactCenterInput. */
export type WithContactCenterInput<S extends ContactCenterSettings> = Omit<S, 'connect'> & ContactCenterInput;

/** The environment of ContactCenterSettings. */
export function contactCenterEnvironment(input: ContactCenterInput): Record<string, string> {
  return {
    [SHARED_VARS.tableName]: input.tableName,
    [SHARED_VARS.instanceId]: input.connect.instanceId,
    [SHARED_VARS.taskFlowId]: input.connect.taskFlowId,
    [SHARED_VARS.queues]: input.connect.queuesJson,
  };
}

/** Reads ContactCenterSettings; every variable is required. */
export function readContactCenterSettings(env: NodeJS.ProcessEnv = process.env): ContactCenterSettings {
  const queues = requiredJsonEnv<unknown>(SHARED_VARS.queues, env);
  if (typeof queues !== 'object' || queues === null || Array.isArray(queues))
    throw new ConfigurationError(`${SHARED_VARS.queues} must be a JSON object: queue id → {"id", "arn"}`);
  return {
    tableName: readTableName(env),
    connect: {
      instanceId: requiredEnv(SHARED_VARS.instanceId, env),
      taskFlowId: requiredEnv(SHARED_VARS.taskFlowId, env),
      queues: queues as ConnectQueues,
    },
  };
}

/** Reads TABLE_NAME alone (a Lambda that touches no Connect). */
export function readTableName(env: NodeJS.ProcessEnv = process.env): string {
  return requiredEnv(SHARED_VARS.tableName, env);
}

/** What the intake doors read besides the contact centre: the PIN pepper's secret. */
export interface IntakeSettings extends ContactCenterSettings {
  /** Secrets Manager id of the PIN pepper (the stack's PinPepperSecretArn). */
  readonly pinPepperSecret: string;
}

/** The environment of IntakeSettings. */
export function intakeEnvironment(input: WithContactCenterInput<IntakeSettings>): Record<string, string> {
  return { ...contactCenterEnvironment(input), [SHARED_VARS.pinPepperSecret]: input.pinPepperSecret };
}

/** Reads IntakeSettings. */
export function readIntakeSettings(env: NodeJS.ProcessEnv = process.env): IntakeSettings {
  return {
    ...readContactCenterSettings(env),
    pinPepperSecret: requiredEnv(SHARED_VARS.pinPepperSecret, env),
  };
}

/** What a Twilio webhook Lambda checks signatures with. */
export interface TwilioWebhookSettings {
  /** Secrets Manager id of the secret holding the Twilio auth token. */
  readonly authTokenSecret: string;
  /** Scheme and host Twilio calls when not the API's own domain (CloudFront, a custom front). */
  readonly publicOrigin?: string | undefined;
}

/** The environment of TwilioWebhookSettings (PUBLIC_ORIGIN only when there is one). */
export function twilioWebhookEnvironment(settings: TwilioWebhookSettings): Record<string, string> {
  return {
    [SHARED_VARS.authTokenSecret]: settings.authTokenSecret,
    ...(settings.publicOrigin ? { [SHARED_VARS.publicOrigin]: settings.publicOrigin } : {}),
  };
}

/** Reads TwilioWebhookSettings. */
export function readTwilioWebhookSettings(env: NodeJS.ProcessEnv = process.env): TwilioWebhookSettings {
  return {
    authTokenSecret: requiredEnv(SHARED_VARS.authTokenSecret, env),
    publicOrigin: optionalUrlEnv(SHARED_VARS.publicOrigin, env),
  };
}

/** The environment of the automatic-reply limit on SMS and WhatsApp (omitted: the default). */
export function repliesLimitEnvironment(perHour: number | undefined): Record<string, string> {
  return perHour === undefined ? {} : { [REPLIES_PER_SENDER_VAR]: String(perHour) };
}

/** Reads the automatic-reply limit on SMS and WhatsApp (shared/messaging-settings.ts, the local door's too). */
export function readRepliesLimit(env: NodeJS.ProcessEnv = process.env): number {
  return repliesPerSenderPerHour(env);
}
