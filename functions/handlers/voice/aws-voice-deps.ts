import phoneLinesJson from '../../../policy/phone-lines.json';
import type { IntakeDeps } from '../../domain/intake/intake';
import { type PhoneLines, withLoyaltyLines } from '../../domain/ivr/phone-lines';
import { ConfigurationError } from '../../shared/env';
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
