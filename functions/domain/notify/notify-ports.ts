import type { OutboundMessage } from '../outbound/messenger';
import type { BookingChange } from './booking-changes';

/**
 * A booking update: what changed, the message that says it, and where it stands. "due" until deliver
 * has settled it (a night's notice waits with `dueAt` in the morning); "done" once it has.
 */
export interface BookingNotice {
  /** The message id (noticeId): one notice per booking and change. */
  readonly id: string;
  readonly bookingRef: string;
  readonly customerId: string;
  /** The guest's open case it is recorded on; none when the guest had no open case. */
  readonly caseNumber?: string | undefined;
  readonly changes: readonly BookingChange[];
  readonly message: OutboundMessage;
  readonly state: 'due' | 'done';
  /** When it may go (now, or the end of the guest's quiet hours). */
  readonly dueAt: string;
  readonly createdAt: string;
  readonly doneAt?: string | undefined;
}

/** Port: booking notices, each stored once by id, found by when they are due. Never queued for agents. */
export interface NoticeStore {
  /** Stores the notice unless one with its id exists; returns the stored one (a change seen twice). */
  keep(notice: BookingNotice): Promise<BookingNotice>;
  /** Notices still due at `now`, earliest first, at most `limit`. */
  due(now: Date, limit: number): Promise<BookingNotice[]>;
  /** Records that deliver settled the notice; it is due no more. */
  markDone(id: string, at: string): Promise<void>;
  get(id: string): Promise<BookingNotice | undefined>;
}
