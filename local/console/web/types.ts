import type { Case } from '../../../functions/domain/case';
import type { Channel } from '../../../functions/domain/contact';
import type { DeliveryStatus, OutboundMessage } from '../../../functions/domain/outbound/messenger';
import type { FilledTemplate, TemplateInfo } from '../../../functions/domain/replies/canned-templates';
import type { CsatSummary } from '../../../functions/domain/survey/csat';
import type {
  ContactView as ContactRecord,
  OutboxEntry,
} from '../../../functions/handlers/agent/outbound-view';
import type { QueueEntryView, TeamStatus } from '../queue-view';
import type { TryResult } from '../try/try-body';

export type { Case, Channel, ContactRecord, CsatSummary, OutboxEntry, QueueEntryView, TeamStatus, TryResult };

/** Everything the console shows, as last read from the runtime. */
export interface ConsoleData {
  readonly queues: Readonly<Record<string, readonly QueueEntryView[]>>;
  readonly cases: readonly Case[];
  readonly outbox: readonly OutboxEntry[];
  readonly teams: readonly TeamStatus[];
  /** CSAT overall, per queue and per language (GET /api/satisfaction). */
  readonly satisfaction?: CsatSummary | undefined;
  /** Runtime clock minus this browser's clock (CONTACT_ROUTER_NOW may shift the runtime's). */
  readonly clockOffsetMs: number;
  /** Bumped at every refresh, so open details know to read again. */
  readonly revision: number;
  readonly loaded: boolean;
}

/** A case with every contact on it, and the messages sent to the guest when the runtime lists them. */
export interface CaseDetail {
  readonly case: Case;
  readonly contacts: readonly ContactRecord[];
  readonly messages?: readonly MessageView[] | undefined;
}

/** A message to the guest with its delivery status, as the runtime answers a reply. */
export type MessageView = Pick<OutboundMessage, 'id' | 'kind' | 'channel' | 'to' | 'text'> & {
  readonly delivery: DeliveryStatus;
  readonly reason?: string | undefined;
};

/** The answer to POST /api/cases/:caseNumber/replies. */
export interface SentReply {
  readonly case: Case;
  readonly message?: MessageView | undefined;
  readonly callback?: { readonly number: string } | undefined;
}

/** A canned template as listed for one case (GET /api/templates?caseNumber=…). */
export type TemplateForCase = TemplateInfo & { readonly forCase: FilledTemplate };
