import { optionalEnv } from './env-vars';
import {
  type ContactCenterSettings,
  contactCenterEnvironment,
  readContactCenterSettings,
  type WithContactCenterInput,
} from './shared-env';

const VARS = { bucket: 'RAW_MAIL_BUCKET', quarantinePrefix: 'QUARANTINE_PREFIX' } as const;

/** The erase-guest Lambda's settings (functions/handlers/erase-guest.ts). */
export interface EraseGuestSettings extends ContactCenterSettings {
  /** The raw-mail bucket, absent in a deployment without the email door. */
  readonly rawMail?: { readonly bucket: string; readonly quarantinePrefix?: string | undefined } | undefined;
}

/** The environment of the erase-guest Lambda (the raw-mail variables only with the email door). */
export function eraseGuestEnvironment(
  input: WithContactCenterInput<EraseGuestSettings>,
): Record<string, string> {
  const raw = input.rawMail;
  return {
    ...contactCenterEnvironment(input),
    ...(raw ? { [VARS.bucket]: raw.bucket } : {}),
    ...(raw?.quarantinePrefix ? { [VARS.quarantinePrefix]: raw.quarantinePrefix } : {}),
  };
}

/** Reads and checks the erase-guest Lambda's settings; a missing one fails the invocation's cold start. */
export function readEraseGuestSettings(env: NodeJS.ProcessEnv = process.env): EraseGuestSettings {
  const bucket = optionalEnv(VARS.bucket, env);
  const quarantinePrefix = optionalEnv(VARS.quarantinePrefix, env);
  return {
    ...readContactCenterSettings(env),
    rawMail: bucket ? { bucket, quarantinePrefix } : undefined,
  };
}
