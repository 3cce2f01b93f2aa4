import type { Booking } from '../booking';
import type { Case } from '../case';
import { isActive } from '../cases/follow-up';
import { latestCase } from '../cases/latest-case';
import type { Deliver, DeliveryOutcome } from '../outbound/deliver';
import type { OutboundMessage } from '../outbound/messenger';
import type { BookingStore, CaseStore, Clock } from '../ports';
import { applyOncePerMessage } from '../replies/apply-once';
import { type BookingChange, bookingChanges, noticeId } from './booking-changes';
import { composeNotice } from './compose-notice';
import { noticeAddress } from './notice-address';
import type { NotificationsPolicy } from './notify-policy';
import type { BookingNotice, NoticeStore } from './notify-ports';
import { noticeSendAt } from './quiet-hours';

/** The scheduled task that sends the notices held for the guests' mornings (EventBridge → the Lambda). */
export const SEND_DUE_NOTICES_TASK = 'send-due-notices';

/** What telling guests about their bookings needs. */
export interface NotifyDeps {
  readonly bookings: Pick<BookingStore, 'findCustomer'>;
  readonly cases: Pick<CaseStore, 'openCases' | 'getCase' | 'saveCase' | 'listContactsOfCase'>;
  readonly notices: NoticeStore;
  readonly deliver: Deliver;
  readonly clock: Clock;
  /** Quiet hours, the urgent exception and the refund promise (policy `notifications`). */
  readonly policy: NotificationsPolicy;
}

/** What became of a booking's change: nothing to say, or a notice sent, held for the morning or kept. */
export type NotifyOutcome =
  | { readonly notified: false; readonly reason: string }
  | {
      readonly notified: true;
      readonly notice: BookingNotice;
      /** Undefined while the notice waits for the morning. */
      readonly delivery?: DeliveryOutcome | undefined;
    };

// The guest's open case: the one about this booking, else their latest active one. Cases are owned by
// the customer id only once the sender was verified, so an unverified sender's case is never found here.
async function openCaseOf(deps: NotifyDeps, booking: Booking): Promise<Case | undefined> {
  const slots = await deps.cases.openCases(booking.customerId);
  const about = await latestCase(deps.cases, slots, booking.reference);
  if (about && isActive(about.status)) return about;
  const any = await latestCase(deps.cases, slots, undefined);
  return any && isActive(any.status) ? any : undefined;
}

/**
 * Sends a due notice through deliver (the one outbound path: opt-out, rate, ledger idempotency by the
 * notice's id), records it on its case's timeline once, and marks it done unless deliver left it pending
 * (a retry, by the next sweep, goes through the ledger again and cannot send twice).
 */
export async function dispatchNotice(deps: NotifyDeps, notice: BookingNotice): Promise<DeliveryOutcome> {
  const delivery = await deps.deliver(notice.message);
  const at = deps.clock.now().toISOString();
  if (notice.caseNumber) {
    const event = {
      type: 'notified',
      at,
      by: 'system',
      channel: notice.message.channel,
      messageId: notice.id,
      note: notice.changes.map((c) => `${c.field}: ${c.field === 'dates' ? c.to.checkIn : c.to}`).join(', '),
    } as const;
    await applyOncePerMessage(deps, notice.caseNumber, notice.id, (current) => ({
      ok: true,
      case: { ...current, updatedAt: at },
      events: [event],
    }));
  }
  if (delivery.status !== 'pending') await deps.notices.markDone(notice.id, at);
  return delivery;
}

/**
 * Tells a booking's guest what changed between `before` (as stored) and `after`: one message per change
 * (the notice id is the reference and a hash of the change), on their preferred or last-used channel, to
 * the booking's own contact points only, in the booking's language. During the guest's quiet hours it is
 * stored and sent by the sweep in the morning, unless the stay starts within policy urgentWithinHours.
 */
export async function notifyBookingChange(
  deps: NotifyDeps,
  before: Booking | undefined,
  after: Booking,
): Promise<NotifyOutcome> {
  const changes = bookingChanges(before, after);
  if (changes.length === 0) return { notified: false, reason: 'nothing the guest needs to hear changed' };
  const id = noticeId(after.reference, changes);
  const now = deps.clock.now();
  const notice = (await deps.notices.get(id)) ?? (await newNotice(deps, after, id, changes, now));
  if (typeof notice === 'string') return { notified: false, reason: notice };
  if (notice.state !== 'due' || Date.parse(notice.dueAt) > now.getTime()) return { notified: true, notice };
  return { notified: true, notice, delivery: await dispatchNotice(deps, notice) };
}

// Writes the notice of a change seen for the first time (a race with another writer keeps the first).
async function newNotice(
  deps: NotifyDeps,
  after: Booking,
  id: string,
  changes: readonly BookingChange[],
  now: Date,
): Promise<BookingNotice | string> {
  const [customer, kase] = await Promise.all([
    deps.bookings.findCustomer(after.email ?? after.phone ?? ''),
    openCaseOf(deps, after),
  ]);
  const contacts = kase ? await deps.cases.listContactsOfCase(kase.caseNumber) : [];
  const address = noticeAddress(after, customer, contacts);
  if (!address) return 'the booking has no phone or email that takes messages';
  const words = composeNotice(after, changes, after.language, now, deps.policy.refundArrivalDays);
  const message: OutboundMessage = {
    id,
    kind: 'notification',
    // No open case: the notice is its own record (never queued for agents), on no case.
    caseNumber: kase?.caseNumber ?? '',
    channel: address.channel,
    to: address.to,
    language: after.language,
    text: words.text,
    subject: words.subject,
    automatic: true,
    createdAt: now.toISOString(),
  };
  return deps.notices.keep({
    id,
    bookingRef: after.reference,
    customerId: after.customerId,
    caseNumber: kase?.caseNumber,
    changes,
    message,
    state: 'due',
    dueAt: noticeSendAt(after, now, deps.policy).toISOString(),
    createdAt: now.toISOString(),
  });
}

/** What one sweep of due notices did. */
export interface NoticeSweep {
  readonly sent: number;
  readonly pending: number;
}

/** Sends the notices due by now (held overnight, or left pending by a failed send), earliest first. */
export async function sendDueNotices(deps: NotifyDeps, limit: number): Promise<NoticeSweep> {
  const due = await deps.notices.due(deps.clock.now(), limit);
  let pending = 0;
  for (const notice of due) if ((await dispatchNotice(deps, notice)).status === 'pending') pending++;
  return { sent: due.length - pending, pending };
}
