// Booking updates over an intake harness's dynalite: the real notice store, deliver and import path.
import { DynamoNoticeStore } from '../../functions/adapters/dynamodb/notice-items';
import { TableClient } from '../../functions/adapters/dynamodb/table-client';
import { type ImportReport, importBookings } from '../../functions/domain/import/import-bookings';
import { parseImport } from '../../functions/domain/import/parse-import';
import { type NotifyDeps, notifyBookingChange } from '../../functions/domain/notify/notify-booking';
import type { Messenger, OutboundMessage, SentMessage } from '../../functions/domain/outbound/messenger';
import type { OutboundParts } from '../../functions/shared/outbound';
import type { IntakeHarness } from './intake-harness';
import { outboundOver } from './outbound';

/** A Messenger that keeps what it was asked to send. */
export class KeepingMessenger implements Messenger {
  readonly sent: OutboundMessage[] = [];
  async send(message: OutboundMessage): Promise<SentMessage> {
    this.sent.push(message);
    return { providerMessageId: `SM${this.sent.length}`, status: 'queued' };
  }
}

/** Booking updates wired over the harness, one KeepingMessenger behind every channel. */
export interface BookingUpdates {
  readonly deps: NotifyDeps;
  readonly outbound: OutboundParts;
  readonly messenger: KeepingMessenger;
  /** Imports rows through the real import path, each change telling its guest. */
  importRows(rows: readonly Record<string, unknown>[]): Promise<ImportReport>;
}

/** Wires booking updates over the harness's table, clock and stores. */
export function bookingUpdatesOver(h: IntakeHarness): BookingUpdates {
  const messenger = new KeepingMessenger();
  const outbound = outboundOver(h, {
    messengers: { sms: messenger, whatsapp: messenger, email: messenger },
    perHour: 100,
  });
  const deps: NotifyDeps = {
    bookings: h.deps.bookings,
    cases: h.cases,
    notices: new DynamoNoticeStore(new TableClient(h.db.documentClient, h.db.tables.main)),
    deliver: outbound.deliver,
    clock: h.clock,
    policy: h.deps.policy.notifications,
  };
  return {
    deps,
    outbound,
    messenger,
    importRows: async (rows) =>
      importBookings(
        {
          bookings: h.deps.bookings,
          pinHasher: h.deps.pinHasher,
          now: h.clock.now(),
          notify: (before, after) => notifyBookingChange(deps, before, after),
        },
        await parseImport(JSON.stringify(rows)),
      ),
  };
}
