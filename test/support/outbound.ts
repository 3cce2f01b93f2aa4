// The real outbound path over a harness's dynalite: ledger, guest allowance and deliver.
import type { Channel } from '../../functions/domain/contact';
import { messengerByChannel } from '../../functions/domain/outbound/by-channel';
import type { Messenger } from '../../functions/domain/outbound/messenger';
import { type OutboundParts, outboundParts } from '../../functions/shared/outbound';
import type { IntakeHarness } from './intake-harness';

/** What a test may choose: the Messengers per channel and the hourly limit of automatic messages. */
export interface OutboundOptions {
  readonly messengers?: Partial<Record<Channel, Messenger>> | undefined;
  readonly perHour?: number | (() => number) | undefined;
  readonly sendStaleAfterMs?: number | undefined;
}

/** The outbound parts over the harness's main table, clock and case store (five per hour by default). */
export function outboundOver(h: IntakeHarness, options: OutboundOptions = {}): OutboundParts {
  const perHour = options.perHour ?? 5;
  return outboundParts(h.db.documentClient, h.db.tables.main, {
    messenger: messengerByChannel(options.messengers ?? {}),
    cases: h.cases,
    clock: h.clock,
    perAddressPerHour: typeof perHour === 'number' ? () => perHour : perHour,
    sendStaleAfterMs: options.sendStaleAfterMs,
  });
}
