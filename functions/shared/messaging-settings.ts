import { positiveIntEnv } from '../wiring/env-vars';

// Five automatic replies per SMS or WhatsApp sender per hour, as for email acknowledgements.
const DEFAULT_REPLIES_PER_HOUR = 5;

/** The variable naming how many automatic answers one SMS or WhatsApp sender gets per hour. */
export const REPLIES_PER_SENDER_VAR = 'MESSAGING_REPLIES_PER_SENDER_PER_HOUR';

/** MESSAGING_REPLIES_PER_SENDER_PER_HOUR: how many answers one sender gets per hour (both the Lambda and the local door). */
export function repliesPerSenderPerHour(env: NodeJS.ProcessEnv): number {
  return positiveIntEnv(REPLIES_PER_SENDER_VAR, DEFAULT_REPLIES_PER_HOUR, env);
}
