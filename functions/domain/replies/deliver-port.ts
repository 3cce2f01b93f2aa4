import type { DeliveryStatus, OutboundMessage } from '../outbound/messenger';

/** What the deliver step says of a message it was handed. */
export interface DeliveryOutcome {
  readonly status: DeliveryStatus;
  /** Why it was suppressed, refused or failed, in words an agent understands. */
  readonly reason?: string | undefined;
  readonly providerMessageId?: string | undefined;
}

/**
 * The one outbound step (issue 21, branch "outbound"): sends a message to a guest once per message id
 * (a second call answers the first outcome), enforcing opt-out and the per-sender rate, and records it in
 * the outbound ledger (GET /api/outbox). Declared here until that step is on main; the shape is agreed.
 */
export type Deliver = (message: OutboundMessage) => Promise<DeliveryOutcome>;

/** Whether the guest will get (or has got) the message: it was taken, or will be retried. */
export function isOnItsWay(status: DeliveryStatus): boolean {
  return !['suppressed', 'refused', 'failed', 'undelivered'].includes(status);
}
