import type { Case, CaseEvent } from '../case';
import { isActive } from '../cases/follow-up';
import type { OutboundRecord } from '../outbound/ledger';
import type { ContactRecord, Reply } from '../ports';

/** What every erased text or address reads afterwards. */
export const ERASED = '[erased]';

/** The owner key an erased case carries: the erasure, never the guest. */
export function erasedOwnerKey(erasureId: string): string {
  return `erased:${erasureId}`;
}

/** Whether a contact has been anonymised already (a second erasure leaves it alone). */
export function isErasedContact(record: Pick<ContactRecord, 'from'>): boolean {
  return record.from === ERASED;
}

/** Whether a case has been anonymised already. */
export function isErasedCase(kase: Pick<Case, 'ownerKey'>): boolean {
  return kase.ownerKey.startsWith('erased:');
}

/** Where a contact's raw message is kept (the first attachment ref of an email), if anywhere. */
export function rawMailRefs(record: Pick<ContactRecord, 'attachments'>): string[] {
  // The refs after the first point into the same raw message (`…#attachment=…`).
  return (record.attachments ?? []).filter((ref) => !ref.includes('#') && /^(file|s3):\/\//.test(ref));
}

function anonymiseReply(reply: Reply): Reply {
  // Channel, language, message id and reason stay: they are what reply metrics count.
  return { ...reply, to: ERASED, text: '' };
}

/** Whether an outbound record has been anonymised already. */
export function isErasedOutbound(record: Pick<OutboundRecord, 'to'>): boolean {
  return record.to === ERASED;
}

/**
 * The outbound message without its address, words and anything quoting them: template values, the
 * one-per key (it names the address), the email thread and the provider's error text. Kind, channel,
 * language, case, status, times and the provider's id stay for the delivery metrics.
 */
export function anonymiseOutbound(record: OutboundRecord): OutboundRecord {
  return {
    ...record,
    to: ERASED,
    text: '',
    subject: undefined,
    template: undefined,
    onePer: undefined,
    emailThread: undefined,
    error: undefined,
  };
}

/**
 * The contact without anything that names or quotes the guest: sender, texts, attachment refs, the
 * mail's Message-IDs, name, booking, and the reply's address and words. Channel, times, topic, language, queue, priority,
 * verification outcome and hand-off state stay for the metrics.
 */
export function anonymiseContact(record: ContactRecord): ContactRecord {
  return {
    ...record,
    from: ERASED,
    text: '',
    subject: undefined,
    attachments: undefined,
    emailThread: undefined,
    customerId: undefined,
    customerName: undefined,
    bookingRef: undefined,
    handoffError: undefined,
    classification: { ...record.classification, bookingRef: null },
    reply: record.reply ? anonymiseReply(record.reply) : undefined,
  };
}

function anonymiseEvent(event: CaseEvent): CaseEvent {
  // An agent's note about the guest may quote anything they said: it goes whole. A booking update's
  // message id names the booking (`notify:<reference>:…`), and its record moves (eraseBookingNews).
  const noted = event.note === undefined ? event : { ...event, note: ERASED };
  return event.type === 'notified' ? { ...noted, messageId: undefined } : noted;
}

/**
 * The case without its owner, customer, booking and note texts; its counts, topic, language, queue,
 * priority, times and SLA figures stay. A case still active is closed (nobody could answer a guest whose
 * address is gone), with a system event saying why; the caller withdraws its waiting entry.
 */
export function anonymiseCase(kase: Case, erasureId: string, at: Date): Case {
  const iso = at.toISOString();
  const events: CaseEvent[] = [
    { type: 'note', at: iso, by: 'system', note: `personal data erased (${erasureId})` },
  ];
  const closing = isActive(kase.status);
  if (closing) events.push({ type: 'closed', at: iso, by: 'system', status: 'closed' });
  return {
    ...kase,
    ownerKey: erasedOwnerKey(erasureId),
    customerId: undefined,
    bookingRef: undefined,
    // The score stays for CSAT; the comment is the guest's words, the survey's address theirs.
    survey: kase.survey ? { ...kase.survey, to: ERASED } : undefined,
    satisfaction: kase.satisfaction ? { ...kase.satisfaction, comment: undefined } : undefined,
    ...(closing ? { status: 'closed' as const, closedAt: iso } : {}),
    updatedAt: iso > kase.updatedAt ? iso : kase.updatedAt,
    timeline: [...kase.timeline.map(anonymiseEvent), ...events],
  };
}
