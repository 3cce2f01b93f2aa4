// The real outbound path over a harness's dynalite: ledger, guest allowance and deliver.
import type { Channel } from '../../functions/domain/contact';
import { messengerByChannel } from '../../functions/domain/outbound/by-channel';
import type { Messenger } from '../../functions/domain/outbound/messenger';
import type { WhatsAppTemplates } from '../../functions/domain/outbound/whatsapp-templates';
import {
  automaticPerHour,
  lastWhatsAppInbound,
  type OutboundParts,
  outboundParts,
} from '../../functions/shared/outbound';
import type { IntakeHarness } from './intake-harness';

/** What a test may choose: the Messengers per channel and the hourly limit of automatic messages. */
export interface OutboundOptions {
  readonly messengers?: Partial<Record<Channel, Messenger>> | undefined;
  readonly perHour?: number | (() => number) | undefined;
  readonly sendStaleAfterMs?: number | undefined;
  /** WhatsApp's 24-hour rule, with these templates (read from the harness's contacts). */
  readonly whatsAppTemplates?: WhatsAppTemplates | undefined;
}

/** The outbound parts over the harness's main table, clock and case store (five per hour by default). */
export function outboundOver(h: IntakeHarness, options: OutboundOptions = {}): OutboundParts {
  const perHour = options.perHour ?? 5;
  // Read at each message, so a test may change it between messages.
  const limit = () => (typeof perHour === 'number' ? perHour : perHour());
  return outboundParts(h.db.documentClient, h.db.tables.main, {
    messenger: messengerByChannel(options.messengers ?? {}),
    cases: h.cases,
    clock: h.clock,
    perAddressPerHour: (channel) => automaticPerHour({ messaging: limit(), email: limit() })(channel),
    sendStaleAfterMs: options.sendStaleAfterMs,
    whatsApp: options.whatsAppTemplates && {
      templates: options.whatsAppTemplates,
      lastInboundAt: lastWhatsAppInbound(h.cases),
    },
  });
}
