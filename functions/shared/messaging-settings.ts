import { positiveIntEnv } from './env';

/** The default: five automatic replies per SMS or WhatsApp sender per hour, as for email. */
export const MESSAGING_DEFAULTS = { repliesPerSenderPerHour: 5 } as const;

/** MESSAGING_REPLIES_PER_SENDER_PER_HOUR: how many answers one sender gets per hour (both the Lambda and the local door). */
export function repliesPerSenderPerHour(env: NodeJS.ProcessEnv): number {
  return positiveIntEnv(
    'MESSAGING_REPLIES_PER_SENDER_PER_HOUR',
    MESSAGING_DEFAULTS.repliesPerSenderPerHour,
    env,
  );
}
