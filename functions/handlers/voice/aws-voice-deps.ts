import phoneLinesJson from '../../../policy/phone-lines.json';
import type { IntakeDeps } from '../../domain/intake/intake';
import { type PhoneLines, withLoyaltyLines } from '../../domain/ivr/phone-lines';
import { messengerByChannel } from '../../domain/outbound/by-channel';
import type { Deliver } from '../../domain/outbound/deliver';
import { documentClient } from '../../shared/aws-hand-off';
import type { AwsIntakeDeps } from '../../shared/aws-intake';
import { ConfigurationError, requiredEnv } from '../../shared/env';
import { repliesPerSenderPerHour } from '../../shared/messaging-settings';
import { automaticPerHour, outboundParts } from '../../shared/outbound';
import { trustedPhoneLines } from '../../shared/trusted-config';

/** The bundled phone lines (validated by the CDK app, read here without zod) plus the loyalty numbers the CDK app passes in LOYALTY_LINES (JSON array). */
export function phoneLinesFromEnv(env: NodeJS.ProcessEnv = process.env): PhoneLines {
  const lines = trustedPhoneLines(phoneLinesJson);
  const raw = env.LOYALTY_LINES?.trim();
  if (!raw) return lines;
  let numbers: unknown;
  try {
    numbers = JSON.parse(raw);
  } catch (error) {
    throw new ConfigurationError(`LOYALTY_LINES is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(numbers) || !numbers.every((n) => typeof n === 'string'))
    throw new ConfigurationError('LOYALTY_LINES must be a JSON array of E.164 numbers');
  return withLoyaltyLines(lines, numbers);
}

/** Policy queue id → Connect queue ARN, from the intake's CONNECT_QUEUES setting. */
export function queueArnsFromEnv(
  intake: IntakeDeps,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const raw = env.CONNECT_QUEUES ?? '{}';
  const queues = JSON.parse(raw) as Record<string, { arn?: string }>;
  const arns: Record<string, string> = {};
  for (const id of Object.keys(intake.policy.queues)) {
    const arn = queues[id]?.arn;
    if (!arn) throw new ConfigurationError(`CONNECT_QUEUES has no ARN for policy queue ${id}`);
    arns[id] = arn;
  }
  return arns;
}

/**
 * Deliver for a voice Lambda: the call's answer is spoken in the call (inline), so it only records it
 * in the outbound ledger of TABLE_NAME; no Messenger sends anything from here.
 */
export function voiceDeliver(intake: AwsIntakeDeps, env: NodeJS.ProcessEnv = process.env): Deliver {
  const limit = repliesPerSenderPerHour(env);
  return outboundParts(documentClient(), requiredEnv('TABLE_NAME', env), {
    messenger: messengerByChannel({}),
    cases: intake.cases,
    clock: intake.clock,
    perAddressPerHour: automaticPerHour({ messaging: limit, email: limit }),
  }).deliver;
}
