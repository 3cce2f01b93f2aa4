import { ConfigurationError, optionalEnv, parseJsonEnv } from './env-vars';

// The voice Lambdas' own part of their contracts (connect-ivr-env.ts, twilio-voice-env.ts).

/** The variable listing the loyalty lines on top of policy/phone-lines.json (a JSON array of E.164 numbers). */
export const LOYALTY_LINES_VAR = 'LOYALTY_LINES';

/** The environment of the loyalty lines, `json` already serialized (claimed numbers are CDK tokens). */
export function loyaltyLinesEnvironment(json: string): Record<string, string> {
  return { [LOYALTY_LINES_VAR]: json };
}

/** Reads the loyalty lines: none when unset; anything but a JSON array of strings fails loudly. */
export function readLoyaltyLines(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  const raw = optionalEnv(LOYALTY_LINES_VAR, env);
  if (raw === undefined) return [];
  const numbers = parseJsonEnv(LOYALTY_LINES_VAR, raw);
  if (!Array.isArray(numbers) || !numbers.every((n) => typeof n === 'string'))
    throw new ConfigurationError(`${LOYALTY_LINES_VAR} must be a JSON array of E.164 numbers`);
  return numbers;
}
