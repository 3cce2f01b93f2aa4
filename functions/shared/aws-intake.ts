import defaultPolicy from '../../policy/routing-policy.json';
import { DEFAULT_SCRYPT_COST, ScryptPinHasher } from '../adapters/crypto/scrypt-pin-hasher';
import { DynamoBookingStore } from '../adapters/dynamodb/booking-store';
import { DynamoCaseStore } from '../adapters/dynamodb/case-store';
import { IncidentItems } from '../adapters/dynamodb/incident-items';
import { TableClient } from '../adapters/dynamodb/table-client';
import type { Classifier } from '../domain/classification';
import { emergencyNotice } from '../domain/classify/emergency-notice';
import { ActiveIncidents } from '../domain/incidents/active-incidents';
import type { IntakeDeps } from '../domain/intake/intake';
import { connectContactCenter, documentClient } from './aws-hand-off';
import { awsPinPepper } from './aws-secrets';
import { bakedHolidayCalendar } from './baked-holidays';
import { requiredEnv } from './env';
import { trustedRoutingPolicy } from './trusted-config';

/** The intake's dependencies, with the DynamoDB case store the email and messaging doors use too. */
export type AwsIntakeDeps = IntakeDeps & { readonly cases: DynamoCaseStore };

/**
 * The intake's dependencies in AWS, from the Lambda's environment: TABLE_NAME, CONNECT_INSTANCE_ID,
 * CONNECT_TASK_FLOW_ID, CONNECT_QUEUES (policy queue id → {id, arn}, JSON) and PIN_PEPPER_SECRET (the
 * Secrets Manager secret PINs are peppered with, read at the first PIN check and re-read every 5
 * minutes), with the door's classifier (passed in, so a keypad-only door does not bundle the text
 * models). Built once per cold start; a missing setting fails the cold start, naming it. The bundled
 * policy is read without zod: the CDK app validated that very file before it let the bundle deploy
 * (infra/bin/app.ts), and computed the holiday calendar baked in beside it.
 */
export function awsIntakeDeps(env: NodeJS.ProcessEnv, classifier: Classifier): AwsIntakeDeps {
  const client = documentClient();
  const table = requiredEnv('TABLE_NAME', env);
  const clock = { now: () => new Date() };
  return {
    policy: trustedRoutingPolicy(defaultPolicy, bakedHolidayCalendar()),
    classifier,
    emergencyNotice,
    bookings: new DynamoBookingStore(client, table),
    cases: new DynamoCaseStore(client, table),
    contactCenter: connectContactCenter(env),
    pinHasher: new ScryptPinHasher(DEFAULT_SCRYPT_COST, awsPinPepper(requiredEnv('PIN_PEPPER_SECRET', env))),
    clock,
    // Read whole every few seconds per Lambda instance: a contact or call costs no extra read most of the time.
    incidents: new ActiveIncidents(new IncidentItems(new TableClient(client, table)), clock),
  };
}
