import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import defaultPolicy from '../../policy/routing-policy.json';
import { DynamoBookingStore } from '../adapters/dynamodb/booking-store';
import { DynamoCaseStore } from '../adapters/dynamodb/case-store';
import { DynamoNoticeStore } from '../adapters/dynamodb/notice-items';
import { TableClient } from '../adapters/dynamodb/table-client';
import type { NotifyDeps } from '../domain/notify/notify-booking';
import type { Messenger } from '../domain/outbound/messenger';
import type { Clock } from '../domain/ports';
import { automaticPerHour, outboundParts } from '../shared/outbound';
import { trustedNotificationsPolicy } from '../shared/trusted-config';
import { type CaseLambdaClients, defaultCaseLambdaClients } from './aws-clients';
import { type BookingUpdatesSettings, readBookingUpdatesSettings } from './booking-updates-env';
import { wireMessengers } from './messenger-env';

/** What the booking-updates Lambda runs on: the notify step's adapters and how many held notices per run. */
export interface BookingUpdatesDeps {
  readonly notify: NotifyDeps;
  readonly dueBatch: number;
}

/**
 * Builds the booking-updates adapters on the table: bookings, cases, notices and deliver over the
 * outbound ledger, sending through `messenger` (per channel; a channel without one refuses its
 * messages, recorded in the ledger with that reason).
 */
export function bookingUpdatesDeps(
  settings: Omit<BookingUpdatesSettings, 'messengers'>,
  client: DynamoDBDocumentClient,
  messenger: Messenger,
  clock: Clock = { now: () => new Date() },
): BookingUpdatesDeps {
  const cases = new DynamoCaseStore(client, settings.tableName);
  const outbound = outboundParts(client, settings.tableName, {
    messenger,
    cases,
    clock,
    perAddressPerHour: automaticPerHour(settings.perHour),
  });
  return {
    notify: {
      bookings: new DynamoBookingStore(client, settings.tableName),
      cases,
      notices: new DynamoNoticeStore(new TableClient(client, settings.tableName)),
      deliver: outbound.deliver,
      clock,
      // The bundled policy, validated when the CDK app synthesized (infra/constructs/bundled-config-check.ts).
      policy: trustedNotificationsPolicy(defaultPolicy),
    },
    dueBatch: settings.dueBatch,
  };
}

/** The deployed Lambda's adapters from its environment, read once at cold start, with the messengers it names. */
export function wireBookingUpdates(
  env: NodeJS.ProcessEnv = process.env,
  clients: CaseLambdaClients = defaultCaseLambdaClients(),
  clock: Clock = { now: () => new Date() },
): BookingUpdatesDeps {
  const settings = readBookingUpdatesSettings(env);
  const cases = new DynamoCaseStore(clients.dynamo, settings.tableName);
  const messenger = wireMessengers(settings.messengers, {
    ses: clients.ses,
    secret: clients.secret,
    remember: (ids, ref) => cases.rememberMessageIds(ids, ref),
  });
  return bookingUpdatesDeps(settings, clients.dynamo, messenger, clock);
}
