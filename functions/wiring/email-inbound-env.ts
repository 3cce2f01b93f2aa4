import { EMAIL_VARS, type EmailSettings, readEmailSettings } from '../adapters/email/email-settings';
import { optionalEnv, requiredEnv } from './env-vars';
import {
  type IntakeSettings,
  intakeEnvironment,
  readIntakeSettings,
  type WithContactCenterInput,
} from './shared-env';

const VARS = {
  fromName: 'EMAIL_FROM_NAME',
  configurationSet: 'SES_CONFIGURATION_SET',
  quarantinePrefix: 'QUARANTINE_PREFIX',
  replySigningSecret: 'REPLY_SIGNING_SECRET',
} as const;

/** Where refused mail is moved when the deployment names no other prefix. */
export const DEFAULT_QUARANTINE_PREFIX = 'quarantine/';

/** The email-inbound Lambda's settings (functions/handlers/email-inbound.ts). */
export interface EmailInboundSettings extends IntakeSettings {
  /** Our address, the addresses and domains never answered, the limits (adapters/email/email-settings.ts). */
  readonly email: EmailSettings;
  /** The display name acknowledgements come from. */
  readonly fromName?: string | undefined;
  /** The SES configuration set every acknowledgement is sent with. */
  readonly configurationSet?: string | undefined;
  /** Where refused mail (too big, unparseable) is kept in the raw-mail bucket. */
  readonly quarantinePrefix: string;
  /** Secrets Manager id of the HMAC key of signed reply references. */
  readonly replySigningSecret: string;
}

/** What the CDK app gives: the deployment's addresses, the secrets, the prefixes. */
export type EmailInboundInput = WithContactCenterInput<IntakeSettings> & {
  readonly from: string;
  readonly ownAddresses: readonly string[];
  readonly ownDomains: readonly string[];
  readonly fromName?: string | undefined;
  readonly configurationSet?: string | undefined;
  readonly quarantinePrefix: string;
  readonly replySigningSecret: string;
};

/** The environment of the email-inbound Lambda. */
export function emailInboundEnvironment(input: EmailInboundInput): Record<string, string> {
  return {
    ...intakeEnvironment(input),
    [EMAIL_VARS.from]: input.from,
    [EMAIL_VARS.ownAddresses]: input.ownAddresses.join(','),
    [EMAIL_VARS.ownDomains]: input.ownDomains.join(','),
    ...(input.fromName ? { [VARS.fromName]: input.fromName } : {}),
    ...(input.configurationSet ? { [VARS.configurationSet]: input.configurationSet } : {}),
    [VARS.quarantinePrefix]: input.quarantinePrefix,
    [VARS.replySigningSecret]: input.replySigningSecret,
  };
}

/** Reads and checks the email-inbound Lambda's settings; a missing or malformed one fails the cold start. */
export function readEmailInboundSettings(env: NodeJS.ProcessEnv = process.env): EmailInboundSettings {
  return {
    ...readIntakeSettings(env),
    email: readEmailSettings(env),
    fromName: optionalEnv(VARS.fromName, env),
    configurationSet: optionalEnv(VARS.configurationSet, env),
    quarantinePrefix: optionalEnv(VARS.quarantinePrefix, env) ?? DEFAULT_QUARANTINE_PREFIX,
    replySigningSecret: requiredEnv(VARS.replySigningSecret, env),
  };
}
