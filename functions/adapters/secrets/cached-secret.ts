import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { toDependencyError } from '../sdk-error';

// Long enough that a busy Lambda rarely calls Secrets Manager, short enough that a rotated token lands.
const DEFAULT_TTL_MS = 5 * 60_000;

/**
 * A secret string read from Secrets Manager and kept in memory for `ttlMs`; a failure is a
 * DependencyError (the caller answers 503) and is not cached, so the next request tries again.
 */
export function cachedSecret(
  client: SecretsManagerClient,
  secretId: string,
  ttlMs = DEFAULT_TTL_MS,
  now: () => number = Date.now,
): () => Promise<string> {
  let value: string | undefined;
  let readAt = 0;
  return async () => {
    if (value !== undefined && now() - readAt < ttlMs) return value;
    try {
      const out = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
      if (!out.SecretString) throw new Error(`secret ${secretId} has no string value`);
      value = out.SecretString.trim();
      readAt = now();
      return value;
    } catch (error) {
      throw toDependencyError('secrets-manager', 'read secret', error);
    }
  };
}
