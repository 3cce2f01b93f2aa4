import type { Case } from '../../domain/case';
import type { OutboundLedger, OutboundRecord } from '../../domain/outbound/ledger';
import type { DeliveryStatus } from '../../domain/outbound/messenger';
import type { ContactRecord, Reply } from '../../domain/ports';

/** An outbound message as `GET /api/outbox` shows it: what was said to whom, and its delivery. */
export type OutboxEntry = Omit<OutboundRecord, 'status'> & { readonly delivery: DeliveryStatus };

/** A contact as the case view shows it: its planned reply with how that reply went, when it went at all. */
export type ContactView = Omit<ContactRecord, 'reply'> & {
  readonly reply?: (Reply & { readonly delivery?: DeliveryStatus | undefined }) | undefined;
};

/** The outbox entry of a ledger record: its status under one name, `delivery`. */
export function outboxEntry(record: OutboundRecord): OutboxEntry {
  const { status, ...message } = record;
  return { ...message, delivery: status };
}

/** Contacts with the delivery of each reply read from the ledger (one batch read). */
export async function withDelivery(
  ledger: Pick<OutboundLedger, 'getMany'>,
  contacts: readonly ContactRecord[],
): Promise<ContactView[]> {
  const ids = contacts.flatMap((c) => (c.reply?.messageId ? [c.reply.messageId] : []));
  const found = ids.length > 0 ? await ledger.getMany(ids) : [];
  const status = new Map(found.map((r) => [r.id, r.status]));
  return contacts.map((c) =>
    c.reply?.messageId ? { ...c, reply: { ...c.reply, delivery: status.get(c.reply.messageId) } } : c,
  );
}

const WENT_OUT: ReadonlySet<DeliveryStatus> = new Set(['inline', 'queued', 'sent', 'delivered', 'read']);

/** The text the guest got for a planned reply, or undefined when it was held back or has not gone out. */
export async function textSent(
  ledger: Pick<OutboundLedger, 'get'>,
  messageId: string | undefined,
): Promise<string | undefined> {
  const record = messageId ? await ledger.get(messageId) : undefined;
  return record && WENT_OUT.has(record.status) ? record.text : undefined;
}

/** The messages a case sent its guest beside acknowledgements (agent replies, the survey), oldest first. */
export async function messagesOfCase(
  ledger: Pick<OutboundLedger, 'getMany'>,
  kase: Pick<Case, 'timeline'>,
): Promise<OutboxEntry[]> {
  const ids = kase.timeline.flatMap((e) => (e.messageId ? [e.messageId] : []));
  const found = ids.length > 0 ? await ledger.getMany(ids) : [];
  return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(outboxEntry);
}
