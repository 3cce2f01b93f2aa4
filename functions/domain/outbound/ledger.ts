import type { Channel } from '../contact';
import type { RateWindow } from '../rate-window';
import type { DeliveryReport, DeliveryReports, DeliveryStatus, OutboundMessage } from './messenger';

/** One outbound message as the ledger keeps it: the message and where its delivery stands. */
export interface OutboundRecord extends OutboundMessage {
  readonly status: DeliveryStatus;
  /** Why it was suppressed, refused or failed, readable. */
  readonly reason?: string | undefined;
  readonly providerMessageId?: string | undefined;
  /** The provider's last error (kept while a retry may still help). */
  readonly error?: string | undefined;
  readonly sentAt?: string | undefined;
  /** Set while a sender is talking to the provider; a value left behind means it crashed mid-send. */
  readonly sendingSince?: string | undefined;
  readonly updatedAt: string;
}

/** What a delivery settles a record to. */
export type Settlement = Pick<OutboundRecord, 'status' | 'reason' | 'providerMessageId' | 'error' | 'sentAt'>;

/** What claiming a message id found: ours now, or the record another attempt left. */
export type LedgerClaim =
  | { readonly claimed: true }
  | { readonly claimed: false; readonly existing: OutboundRecord };

/**
 * A write the caller makes anyway that holds a message's final record instead of a ledger item of its
 * own (an inline answer stored with its contact: one write, not two). It claims the id as
 * `OutboundLedger.claim` does, or answers undefined when it cannot hold the record (the contact was
 * stored without one), and the ledger claims it after all.
 */
export type LedgerCarrier = (record: OutboundRecord) => Promise<LedgerClaim | undefined>;

/** How an answer given in the door's own response went, as its contact keeps it (reply-plan.ts). */
export interface InlineAnswer {
  readonly status: DeliveryStatus;
  readonly reason?: string | undefined;
  readonly at: string;
}

/**
 * Port: the outbound ledger, one record per message id (DynamoDB: functions/adapters/dynamodb/
 * outbound-ledger.ts). Every write is conditional, so retries and crashes never send a message twice.
 */
export interface OutboundLedger extends DeliveryReports {
  /** Writes the record unless its id exists; returns the existing record then. */
  claim(record: OutboundRecord): Promise<LedgerClaim>;
  /** Takes over a pending record no sender holds (its last attempt failed cleanly); false if taken. */
  resume(id: string, now: string): Promise<boolean>;
  /** Records what became of a send and lets go of the record. */
  settle(id: string, settlement: Settlement, now: string): Promise<void>;
  get(id: string): Promise<OutboundRecord | undefined>;
  /** Several records by id, in no particular order (the missing ones left out). */
  getMany(ids: readonly string[]): Promise<OutboundRecord[]>;
  /**
   * Messages whose last send failed and may go through if tried again (status pending, error kept),
   * oldest failure first.
   */
  listUnsent(limit: number): Promise<OutboundRecord[]>;
  /** Every outbound message, newest first. */
  list(limit: number): Promise<OutboundRecord[]>;
  /** Records a report on a message already found (a bounce names our message, not the provider's id). */
  recordFor(message: Pick<OutboundRecord, 'id' | 'to' | 'channel'>, report: DeliveryReport): Promise<void>;
}

/** Why a guest may not get an automatic message now. */
export type Admission = 'admitted' | 'rate_limited' | 'opted_out';

/** Port: what the guest allows: opt-outs per channel, the per-address rate of automatic messages. */
export interface GuestAllowance {
  /**
   * Counts one automatic message to an address in a window, idempotent by message id (a retry is not
   * counted twice); "rate_limited", counting nothing, once `limit` other messages are counted.
   */
  count(address: string, messageId: string, window: RateWindow, limit: number): Promise<Admission>;
  /** Whether the address opted out of messages on the channel. */
  optedOut(address: string, channel: Channel): Promise<boolean>;
  /** Records an opt-out (STOP, a provider's refusal) or an opt-in (START). */
  setOptOut(address: string, channel: Channel, optedOut: boolean, at: string): Promise<void>;
  /** Claims a one-per key for a message id; true when this message holds it. */
  claimOnePer(key: string, messageId: string): Promise<boolean>;
}
