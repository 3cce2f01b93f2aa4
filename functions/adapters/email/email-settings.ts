import type { AckSettings } from '../../domain/email/acknowledge';
import { ConfigurationError, positiveIntEnv } from '../../wiring/env-vars';

/** Email settings read from the environment (both the Lambda and the local door). */
export interface EmailSettings extends AckSettings {
  /** Mail over this many bytes is kept and answered with a short notice. */
  readonly maxBytes: number;
}

/** The defaults: 10 MB, five acknowledgements per sender per hour. */
export const EMAIL_DEFAULTS = { maxBytes: 10_000_000, perSenderPerHour: 5 } as const;

/** The variables readEmailSettings reads (the email Lambda's contract writes them by these names). */
export const EMAIL_VARS = {
  from: 'EMAIL_FROM',
  ownAddresses: 'EMAIL_OWN_ADDRESSES',
  ownDomains: 'EMAIL_OWN_DOMAINS',
  maxBytes: 'EMAIL_MAX_BYTES',
  perSenderPerHour: 'EMAIL_ACKS_PER_SENDER_PER_HOUR',
  senderProof: 'EMAIL_SENDER_PROOF',
  claimStaleSeconds: 'EMAIL_CLAIM_STALE_SECONDS',
} as const;

function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
}

/**
 * EMAIL_FROM (our address; required unless a default is given), EMAIL_OWN_ADDRESSES and EMAIL_OWN_DOMAINS
 * (comma lists: mail from them is never answered), EMAIL_MAX_BYTES, EMAIL_ACKS_PER_SENDER_PER_HOUR,
 * EMAIL_SENDER_PROOF ("dmarc", the default: a From verifies a sender only with a DMARC pass; "none"),
 * EMAIL_CLAIM_STALE_SECONDS (default 120: when a copy that died half-way is taken over).
 */
export function readEmailSettings(env: NodeJS.ProcessEnv, defaultFrom?: string): EmailSettings {
  const v = EMAIL_VARS;
  const from = (env[v.from] ?? defaultFrom ?? '').trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(from))
    throw new ConfigurationError(`${v.from} must be an email address, got "${env[v.from] ?? ''}"`);
  return {
    ourAddress: from,
    own: { addresses: [from, ...list(env[v.ownAddresses])], domains: list(env[v.ownDomains]) },
    perSenderPerHour: positiveIntEnv(v.perSenderPerHour, EMAIL_DEFAULTS.perSenderPerHour, env),
    maxBytes: positiveIntEnv(v.maxBytes, EMAIL_DEFAULTS.maxBytes, env),
    requireDmarcPass: env[v.senderProof] !== 'none',
    ...(env[v.claimStaleSeconds]
      ? { claimStaleAfterMs: positiveIntEnv(v.claimStaleSeconds, 120, env) * 1000 }
      : {}),
  };
}
