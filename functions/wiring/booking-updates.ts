import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoBookingStore } from '../adapters/dynamodb/booking-store';
import { DynamoCaseStore } from '../adapters/dynamodb/case-store';
import { DynamoNoticeStore } from '../adapters/dynamodb/notice-items';
import { TableClient } from '../adapters/dynamodb/table-client';
import type { Channel } from '../domain/contact';
import type { NotifyDeps } from '../domain/notify/notify-booking';
import { messengerByChannel } from '../domain/outbound/by-channel';
import type { Messenger } from '../domain/outbound/messenger';
import type { Clock } from '../domain/ports';
import { automaticPerHour, outboundParts } from '../shared/outbound';
import type { BookingUpdatesSettings } from './booking-updates-env';

/** What the booking-updates Lambda runs on: the notify step's adapters and how many held notices per run. */
export interface BookingUpdatesDeps {
  readonly notify: NotifyDeps;
  readonly dueBatch: number;
}

/**
 * Builds the booking-updates adapters on the table: bookings, cases, notices and deliver over the
 * outbound ledger, sending through `messengers` (one per channel, built by the messengers' own wiring;
 * a channel without one refuses its messages, recorded in the ledger with that reason).
 */
export function bookingUpdatesDeps(
  settings: BookingUpdatesSettings,
  client: DynamoDBDocumentClient,
  messengers: Partial<Record<Channel, Messenger>>,
  clock: Clock = { now: () => new Date() },
): BookingUpdatesDeps {
  const cases = new DynamoCaseStore(client, settings.tableName);
  const outbound = outboundParts(client, settings.tableName, {
    messenger: messengerByChannel(messengers),
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
    },
    dueBatch: settings.dueBatch,
  };
}
