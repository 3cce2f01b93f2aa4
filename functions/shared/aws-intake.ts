import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import defaultPolicy from '../../policy/routing-policy.json';
import { DEFAULT_SCRYPT_COST, ScryptPinHasher } from '../adapters/crypto/scrypt-pin-hasher';
import { DynamoBookingStore } from '../adapters/dynamodb/booking-store';
import { DynamoCaseStore } from '../adapters/dynamodb/case-store';
import { cachedSecret } from '../adapters/secrets/cached-secret';
import { emergencyNotice, TravelClassifier } from '../domain/classify';
import type { IntakeDeps } from '../domain/intake/intake';
import { connectContactCenter, documentClient } from './aws-hand-off';
import { requiredEnv } from './env';
import { trustedRoutingPolicy } from './trusted-config';

/** The intake's dependencies, with the DynamoDB case store the email and messaging doors use too. */
export type AwsIntakeDeps = IntakeDeps & { readonly cases: DynamoCaseStore };

/**
 * The intake's dependencies in AWS, from the Lambda's environment: TABLE_NAME, CONNECT_INSTANCE_ID,
 * CONNECT_TASK_FLOW_ID, CONNECT_QUEUES (policy queue id → {id, arn}, JSON) and PIN_PEPPER_SECRET (the
 * Secrets Manager secret PINs are peppered with, read at the first PIN check). Built once per cold
 * start; a missing setting fails the cold start, naming it. The bundled policy is read without zod:
 * the CDK app validated that very file before it let the bundle deploy (infra/bin/app.ts).
 */
export function awsIntakeDeps(env: NodeJS.ProcessEnv = process.env): AwsIntakeDeps {
  const client = documentClient();
  const table = requiredEnv('TABLE_NAME', env);
  return {
    policy: trustedRoutingPolicy(defaultPolicy),
    classifier: new TravelClassifier(),
    emergencyNotice,
    bookings: new DynamoBookingStore(client, table),
    cases: new DynamoCaseStore(client, table),
    contactCenter: connectContactCenter(env),
    pinHasher: new ScryptPinHasher(DEFAULT_SCRYPT_COST, awsPinPepper(env)),
    clock: { now: () => new Date() },
  };
}

// The pepper never changes (rotating it would orphan every stored PIN), so one read per Lambda suffices.
const PEPPER_TTL_MS = 24 * 60 * 60_000;

/** The PIN pepper from the Secrets Manager secret PIN_PEPPER_SECRET names. */
export function awsPinPepper(env: NodeJS.ProcessEnv = process.env) {
  return cachedSecret(new SecretsManagerClient({}), requiredEnv('PIN_PEPPER_SECRET', env), PEPPER_TTL_MS);
}
