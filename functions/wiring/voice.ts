import phoneLinesJson from '../../policy/phone-lines.json';
import { type PhoneLines, withLoyaltyLines } from '../domain/ivr/phone-lines';
import type { Deliver } from '../domain/outbound/deliver';
import type { RoutingPolicy } from '../domain/routing/policy-schema';
import { trustedPhoneLines } from '../shared/trusted-config';
import type { ConnectIvrSettings } from './connect-ivr-env';
import { ConfigurationError } from './env-vars';
import { type AwsIntakeDeps, doorOutbound } from './intake';
import type { ConnectQueues } from './shared-env';

/** The bundled phone lines (validated by the CDK app, read here without zod) plus the loyalty numbers. */
export function phoneLinesWith(loyaltyLines: readonly string[]): PhoneLines {
  return withLoyaltyLines(trustedPhoneLines(phoneLinesJson), loyaltyLines);
}

/** Policy queue id → Connect queue ARN; every policy queue needs one (the flow transfers to it). */
export function queueArnsOf(policy: RoutingPolicy, queues: ConnectQueues): Record<string, string> {
  const arns: Record<string, string> = {};
  for (const id of Object.keys(policy.queues)) {
    const arn = queues[id]?.arn;
    if (!arn) throw new ConfigurationError(`CONNECT_QUEUES has no ARN for policy queue ${id}`);
    arns[id] = arn;
  }
  return arns;
}

/**
 * Deliver for a voice Lambda: the call's answer is spoken in the call (inline), so it only records it
 * in the outbound ledger; no Messenger sends anything from here.
 */
export function voiceDeliver(intake: AwsIntakeDeps, settings: ConnectIvrSettings): Deliver {
  return doorOutbound(intake, settings.tableName, settings.repliesPerSenderPerHour).deliver;
}
