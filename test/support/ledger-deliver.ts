// An in-test deliver step honouring the agreed contract (one send per message id, a second call
// answers the first outcome) and able to play a refusal, for unit-level tests of the reply and survey domain.

import type { Deliver, DeliveryOutcome } from '../../functions/domain/outbound/deliver';
import type { DeliveryStatus, OutboundMessage } from '../../functions/domain/outbound/messenger';

/** The messages handed to deliver, once each, and what deliver answers next. */
export class LedgerDeliver {
  readonly sent = new Map<string, { message: OutboundMessage; outcome: DeliveryOutcome }>();
  /** What the next new message gets (e.g. "refused" to play an opted-out guest). */
  next: { status: DeliveryStatus; reason?: string } = { status: 'queued' };
  calls = 0;

  readonly deliver: Deliver = async (message) => {
    this.calls++;
    const known = this.sent.get(message.id);
    if (known) return known.outcome;
    const outcome = { ...this.next, providerMessageId: `SM${this.sent.size + 1}` };
    this.sent.set(message.id, { message, outcome });
    return outcome;
  };

  /** The messages of one case, in sending order. */
  of(caseNumber: string): OutboundMessage[] {
    return [...this.sent.values()].map((s) => s.message).filter((m) => m.caseNumber === caseNumber);
  }
}
