import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { PinPepper } from '../adapters/crypto/scrypt-pin-hasher';
import { cachedSecret } from '../adapters/secrets/cached-secret';

let client: SecretsManagerClient | undefined;

/**
 * A Secrets Manager secret, cached (cachedSecret). Every secret of a Lambda is read through one client,
 * so a door that reads two (the Twilio token and the PIN pepper) resolves credentials and opens its
 * connection once.
 */
export function awsSecret(secretId: string, ttlMs?: number): () => Promise<string> {
  client ??= new SecretsManagerClient({});
  return cachedSecret(client, secretId, ttlMs);
}

/**
 * The PIN pepper in the secret `secretId` names (the stack's PinPepperSecretArn), re-read like any
 * secret (every 5 minutes), so a rotation's `{"current", "previous"}` reaches every Lambda before the
 * bookings are re-imported under the new pepper.
 */
export function awsPinPepper(secretId: string): PinPepper {
  return awsSecret(secretId);
}
