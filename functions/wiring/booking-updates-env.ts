import { positiveIntEnv, requiredEnv } from './env-vars';
import {
  type MessengerEnvironmentInput,
  type MessengerSettings,
  messengerEnvironment,
  readMessengerSettings,
} from './messenger-env';

/**
 * The booking-updates Lambda's settings (functions/handlers/booking-updates.ts): the CDK app writes
 * them with bookingUpdatesEnvironment() and the handler reads them once at cold start with
 * readBookingUpdatesSettings(), so both sides name the same variables.
 */
export interface BookingUpdatesSettings {
  readonly tableName: string;
  /** Automatic messages one address gets per hour: SMS and WhatsApp share one limit, email has its own. */
  readonly perHour: { readonly messaging: number; readonly email: number };
  /** How many held notices one scheduled run sends at most (the next run takes the rest). */
  readonly dueBatch: number;
  /** How the notices reach guests (Twilio, SES, Telegram): the same messengers as the agents' replies. */
  readonly messengers: MessengerSettings;
}

const VARS = {
  tableName: 'TABLE_NAME',
  messagingPerHour: 'MESSAGING_REPLIES_PER_SENDER_PER_HOUR',
  emailPerHour: 'EMAIL_ACKS_PER_SENDER_PER_HOUR',
  dueBatch: 'BOOKING_UPDATES_DUE_BATCH',
} as const;

/** Defaults: the doors' own hourly limits, and 200 held notices per run. */
export const BOOKING_UPDATES_DEFAULTS = { perHour: { messaging: 5, email: 5 }, dueBatch: 200 } as const;

/** The environment of the booking-updates Lambda. */
export function bookingUpdatesEnvironment(
  settings: Omit<BookingUpdatesSettings, 'messengers'> & { readonly messengers: MessengerEnvironmentInput },
): Record<string, string> {
  return {
    ...messengerEnvironment(settings.messengers),
    [VARS.tableName]: settings.tableName,
    [VARS.messagingPerHour]: String(settings.perHour.messaging),
    [VARS.emailPerHour]: String(settings.perHour.email),
    [VARS.dueBatch]: String(settings.dueBatch),
  };
}

/** Reads and checks the booking-updates Lambda's settings; a missing or malformed one fails the cold start. */
export function readBookingUpdatesSettings(env: NodeJS.ProcessEnv = process.env): BookingUpdatesSettings {
  const d = BOOKING_UPDATES_DEFAULTS;
  return {
    tableName: requiredEnv(VARS.tableName, env),
    perHour: {
      messaging: positiveIntEnv(VARS.messagingPerHour, d.perHour.messaging, env),
      email: positiveIntEnv(VARS.emailPerHour, d.perHour.email, env),
    },
    dueBatch: positiveIntEnv(VARS.dueBatch, d.dueBatch, env),
    messengers: readMessengerSettings(env),
  };
}
