import type { Case } from '../../../functions/domain/case';
import type { ContactView as ContactRecord, OutboxEntry } from '../../http/outbound-view';
import type { QueueEntryView, TeamStatus } from '../queue-view';
import type { TryResult } from '../try/try-body';

export type { Case, ContactRecord, OutboxEntry, QueueEntryView, TeamStatus, TryResult };

/** Everything the console shows, as last read from the runtime. */
export interface ConsoleData {
  readonly queues: Readonly<Record<string, readonly QueueEntryView[]>>;
  readonly cases: readonly Case[];
  readonly outbox: readonly OutboxEntry[];
  readonly teams: readonly TeamStatus[];
  /** Runtime clock minus this browser's clock (CONTACT_ROUTER_NOW may shift the runtime's). */
  readonly clockOffsetMs: number;
  /** Bumped at every refresh, so open details know to read again. */
  readonly revision: number;
  readonly loaded: boolean;
}

/** A case with every contact on it. */
export interface CaseDetail {
  readonly case: Case;
  readonly contacts: readonly ContactRecord[];
}
