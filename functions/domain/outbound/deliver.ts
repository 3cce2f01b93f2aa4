import type { Channel } from '../contact';
import { DependencyError } from '../errors';
import type { CaseStore, Clock } from '../ports';
import { hourWindow } from '../rate-window';
import type { GuestAllowance, LedgerCarrier, OutboundLedger, OutboundRecord, Settlement } from './ledger';
import { type DeliveryStatus, type Messenger, MessengerRefusal, type OutboundMessage } from './messenger';
import { optOutApplies } from './opt-out';
import type { WhatsAppTemplates } from './whatsapp-templates';
import { whatsAppForm } from './whatsapp-window';

/** What became of one message. */
export interface DeliveryOutcome {
  readonly status: DeliveryStatus;
  /** Why it was suppressed, refused, failed or is still pending; or a note on a sent one. */
  readonly reason?: string;
  readonly providerMessageId?: string;
}

/**
 * The one step every message to a guest goes through (acknowledgements, agent replies, surveys…). An
 * inline message's record may go with a write the caller makes anyway (`carrier`) instead of its own.
 */
export type Deliver = (message: OutboundMessage, carrier?: LedgerCarrier) => Promise<DeliveryOutcome>;

/** What deliver needs to keep WhatsApp's 24-hour rule (whatsapp-window.ts). */
export interface WhatsAppRule {
  /** The approved templates per purpose and language (deployment config). */
  readonly templates: WhatsAppTemplates;
  /** When the guest last wrote on WhatsApp from the message's address, if ever. */
  lastInboundAt(message: OutboundMessage): Promise<string | undefined>;
}

/** What delivering needs. */
export interface DeliverDeps {
  readonly ledger: OutboundLedger;
  readonly guests: GuestAllowance;
  readonly messenger: Messenger;
  /** Where "acknowledged" goes once a case's first answer is out. */
  readonly cases: Pick<CaseStore, 'appendToCase'>;
  readonly clock: Clock;
  /**
   * Automatic messages one address gets per clock hour on a channel; past it they are suppressed.
   * Infinity counts nothing (a call's spoken answer: a caller cannot loop with an auto-responder).
   */
  readonly perAddressPerHour: (channel: Channel) => number;
  /**
   * After how long a send that never reported back counts as crashed (default 2 minutes: longer than
   * any Lambda that sends). Such a send is not tried again (see createDeliver).
   */
  readonly sendStaleAfterMs?: number | undefined;
  /** WhatsApp's session rule; without it WhatsApp messages go as written (the provider may refuse). */
  readonly whatsApp?: WhatsAppRule | undefined;
}

const SEND_STALE_AFTER_MS = 2 * 60_000;

/** What a ledger record says became of its message. */
export function outcomeOf(
  record: Pick<OutboundRecord, 'status' | 'reason' | 'error' | 'providerMessageId'>,
): DeliveryOutcome {
  const reason = record.reason ?? record.error;
  return {
    status: record.status,
    ...(reason ? { reason } : {}),
    ...(record.providerMessageId ? { providerMessageId: record.providerMessageId } : {}),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Builds the one deliver step. In order: whether the guest allows it (one per key, opt-out, the
 * per-address rate of automatic messages, each idempotent by message id), a conditional claim of the
 * message id in the ledger, then the send. A retry finds the claim and answers what the first attempt
 * recorded. A claim whose send never reported back (the process died between claim and answer) is
 * settled "failed" and not sent again: neither SES nor Twilio's Messages API can tell whether it went
 * out, and a guest reading the same message twice, or an agent reply repeated, is worse than an
 * unconfirmed one an agent sees as failed in the outbox and can send again.
 */
export function createDeliver(deps: DeliverDeps): Deliver {
  const staleAfter = deps.sendStaleAfterMs ?? SEND_STALE_AFTER_MS;

  async function blockedBy(message: OutboundMessage, now: Date): Promise<string | undefined> {
    if (message.onePer && !(await deps.guests.claimOnePer(message.onePer, message.id)))
      return message.kind === 'acknowledgement' ? 'already acknowledged on this case' : 'already sent';
    if (optOutApplies(message.kind) && (await deps.guests.optedOut(message.to, message.channel)))
      return `opted out of ${message.channel} messages`;
    if (!message.automatic) return undefined;
    const limit = deps.perAddressPerHour(message.channel);
    if (!Number.isFinite(limit)) return undefined;
    const admission = await deps.guests.count(message.to, message.id, hourWindow(now), limit);
    return admission === 'rate_limited' ? `rate limit: ${limit} automatic messages per hour` : undefined;
  }

  async function noted(message: OutboundMessage, at: string, outcome: DeliveryOutcome) {
    if (!message.opensCase || message.kind !== 'acknowledgement') return outcome;
    // The answer is out: a store that cannot be reached costs the timeline entry, not the answer.
    try {
      await deps.cases.appendToCase(
        message.caseNumber,
        { type: 'acknowledged', at, channel: message.channel },
        {},
      );
      return outcome;
    } catch (error) {
      if (!(error instanceof DependencyError)) throw error;
      return { ...outcome, reason: `timeline not updated: ${error.message}` };
    }
  }

  async function settle(id: string, settlement: Settlement, at: string): Promise<DeliveryOutcome> {
    await deps.ledger.settle(id, settlement, at);
    return outcomeOf(settlement);
  }

  async function send(message: OutboundMessage): Promise<DeliveryOutcome> {
    const at = () => deps.clock.now().toISOString();
    try {
      const sent = await deps.messenger.send(message);
      const when = at();
      const outcome = await settle(
        message.id,
        { status: sent.status, providerMessageId: sent.providerMessageId, sentAt: when },
        when,
      );
      return noted(message, when, outcome);
    } catch (error) {
      if (error instanceof MessengerRefusal) {
        if (error.optedOut) await deps.guests.setOptOut(message.to, message.channel, true, at());
        return settle(message.id, { status: 'refused', error: describe(error) }, at());
      }
      // Anything but a DependencyError that says otherwise may go through later: left pending.
      const retryable = !(error instanceof DependencyError) || error.retryable;
      return settle(message.id, { status: retryable ? 'pending' : 'failed', error: describe(error) }, at());
    }
  }

  async function resolve(existing: OutboundRecord, now: Date): Promise<DeliveryOutcome> {
    if (existing.status !== 'pending') return outcomeOf(existing);
    const since = existing.sendingSince;
    if (since === undefined)
      return (await deps.ledger.resume(existing.id, now.toISOString()))
        ? send(existing)
        : { status: 'pending', reason: 'being sent by another attempt' };
    if (now.getTime() - Date.parse(since) < staleAfter)
      return { status: 'pending', reason: 'being sent by another attempt' };
    const reason = `unconfirmed: the send started at ${since} never reported back; not sent again`;
    return settle(existing.id, { status: 'failed', error: reason }, now.toISOString());
  }

  // Free text only within 24 hours of the guest's last WhatsApp message; outside it an approved
  // template, or a refusal that says which config key is missing (never a silent loss).
  async function windowed(message: OutboundMessage, now: Date): Promise<OutboundMessage | string> {
    const rule = deps.whatsApp;
    if (!rule || message.channel !== 'whatsapp' || message.inline) return message;
    const form = whatsAppForm(message, await rule.lastInboundAt(message), now, rule.templates);
    if ('refused' in form) return form.refused;
    return form.form === 'template' ? { ...message, template: form.template } : message;
  }

  // An inline record is final when claimed (nothing is sent later), so a carrier can hold it.
  async function claim(record: OutboundRecord, carrier: LedgerCarrier | undefined) {
    const carried = carrier && record.inline ? await carrier(record) : undefined;
    return carried ?? deps.ledger.claim(record);
  }

  return async function deliver(asked, carrier) {
    const now = deps.clock.now();
    const at = now.toISOString();
    const blocked = await blockedBy(asked, now);
    const shaped = blocked ? asked : await windowed(asked, now);
    const message = typeof shaped === 'string' ? asked : shaped;
    const record: OutboundRecord = blocked
      ? { ...message, status: 'suppressed', reason: blocked, updatedAt: at }
      : typeof shaped === 'string'
        ? { ...message, status: 'refused', reason: shaped, updatedAt: at }
        : message.inline
          ? { ...message, status: 'inline', sentAt: at, updatedAt: at }
          : { ...message, status: 'pending', sendingSince: at, updatedAt: at };
    const claimed = await claim(record, carrier);
    if (!claimed.claimed) return resolve(claimed.existing, now);
    if (record.status === 'inline') return noted(message, at, outcomeOf(record));
    if (record.status !== 'pending') return outcomeOf(record);
    return send(message);
  };
}
