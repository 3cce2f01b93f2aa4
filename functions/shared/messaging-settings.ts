import { positiveIntEnv } from './env';

// Five automatic replies per SMS or WhatsApp sender per hour, as for email acknowledgements.
const DEFAULT_REPLIES_PER_HOUR = 5;

/** MESSAGING_REPLIES_PER_SENDER_PER_HOUR: how many answers one sender gets per hour (both the Lambda and the local door). */
export function repliesPerSenderPerHour(env: NodeJS.ProcessEnv): number {
  return positiveIntEnv('MESSAGING_REPLIES_PER_SENDER_PER_HOUR', DEFAULT_REPLIES_PER_HOUR, env);
}
