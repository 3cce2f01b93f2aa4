import type { Channel } from '../contact';
import { DependencyError } from '../errors';
import type { Language } from '../languages';

/**
 * Why a message goes to a guest. It decides what the guest may refuse: after STOP only replies to the
 * guest's own messages (acknowledgements, agent replies) still go; RFC 3834 marks only automatic mail.
 */
export type OutboundKind = 'acknowledgement' | 'agent_reply' | 'survey' | 'notification' | 'incident';

/** What a pre-approved template is for: one provider template per purpose and language (deploy config). */
export type TemplatePurpose = 'agent_reply' | 'survey' | 'notification' | 'case_update';

/** A pre-approved template and the values of its placeholders (WhatsApp outside its 24-hour window). */
export interface TemplateUse {
  readonly purpose: TemplatePurpose;
  /** Placeholder values in order ("1", "2", …), as the provider numbers them. */
  readonly variables: Readonly<Record<string, string>>;
}

/** One message to one guest on one channel, as the domain decides it: no wire format. */
export interface OutboundMessage {
  /** One send per id, also across retries and crashes (e.g. `${contactId}:ack`, `${caseNumber}:survey`). */
  readonly id: string;
  readonly kind: OutboundKind;
  readonly caseNumber: string;
  readonly channel: Channel;
  /** The guest's address on the channel: an E.164 number, an email address. */
  readonly to: string;
  readonly language: Language;
  readonly text: string;
  /** Email only. */
  readonly subject?: string | undefined;
  /** Sent as this template instead of free text (the text stays the readable copy for the timeline). */
  readonly template?: TemplateUse | undefined;
  /** Ids of the guest's contacts this answers, latest first (email threading, the STOP exception). */
  readonly inReplyTo?: readonly string[] | undefined;
  /** Whether a machine wrote it (acknowledgement, survey, notification) rather than an agent. */
  readonly automatic: boolean;
  /** The agent who wrote it. */
  readonly agentId?: string | undefined;
  readonly createdAt: string;
  /** Answered in the door's own response (TwiML, IVR prompt): recorded, never sent a second time. */
  readonly inline?: boolean | undefined;
  /** The first answer on a case just opened: "acknowledged" goes on its timeline once it is out. */
  readonly opensCase?: boolean | undefined;
  /**
   * Ask the guest to share the phone number they hold with this message (Telegram's contact button):
   * the one way an unverified messenger account can prove it belongs to a booking's guest.
   */
  readonly askForPhone?: boolean | undefined;
  /** At most one message per key goes out (an email acknowledgement: one per case and address). */
  readonly onePer?: string | undefined;
  /** Email only: the guest's message this answers and its References, for the guest's mail client. */
  readonly emailThread?: EmailThread | undefined;
}

/** The Message-IDs an email answer threads on (RFC 5322 section 3.6.4). */
export interface EmailThread {
  /** The guest's Message-ID we answer (In-Reply-To). */
  readonly messageId?: string | undefined;
  readonly references: readonly string[];
}

/**
 * Where a message stands. inline: answered in the door's own response (TwiML, IVR prompt);
 * queued/sent/delivered/read/failed/undelivered: as the provider reports it; suppressed: not sent on
 * purpose (rate limit, opt-out, auto-reply); refused: could not be sent as asked (no template outside
 * the WhatsApp window); pending: to be sent, or to retry.
 */
export type DeliveryStatus =
  | 'pending'
  | 'inline'
  | 'queued'
  | 'sent'
  | 'delivered'
  | 'read'
  | 'failed'
  | 'undelivered'
  | 'suppressed'
  | 'refused';

/** What the provider answered when it took a message. */
export interface SentMessage {
  /** The provider's own id of the message: its later status reports refer to it. */
  readonly providerMessageId: string;
  readonly status: Extract<DeliveryStatus, 'queued' | 'sent' | 'delivered'>;
}

/**
 * Port: sends one message on one channel (one adapter per provider and channel, the outbox
 * locally). Throws DependencyError (retryable when trying again may help), or MessengerRefusal when the
 * provider will never take this message.
 */
export interface Messenger {
  send(message: OutboundMessage): Promise<SentMessage>;
}

/** A provider's later word on a message it took (a status callback or event, read by an adapter). */
export interface DeliveryReport {
  readonly providerMessageId: string;
  readonly status: Extract<
    DeliveryStatus,
    'queued' | 'sent' | 'delivered' | 'read' | 'failed' | 'undelivered'
  >;
  /** The provider's error, readable (e.g. "30003: unreachable destination handset"). */
  readonly error?: string | undefined;
  /** The guest has blocked or unsubscribed from us on this channel. */
  readonly optedOut?: boolean | undefined;
  readonly at: string;
}

/** Port: records delivery reports on the messages they are about. */
export interface DeliveryReports {
  /** "unknown" when no message has that provider id (a report for another system, or very late). */
  record(report: DeliveryReport): Promise<'recorded' | 'unknown'>;
}

/** The provider will never take this message (bad number, guest unsubscribed or blocked us). */
export class MessengerRefusal extends DependencyError {
  /** The guest refused our messages on this channel: an opt-out to record. */
  readonly optedOut: boolean;

  constructor(dependency: string, message: string, options: { optedOut?: boolean; cause?: unknown } = {}) {
    super(dependency, message, { cause: options.cause, retryable: false });
    this.name = 'MessengerRefusal';
    this.optedOut = options.optedOut ?? false;
  }
}
