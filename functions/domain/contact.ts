import type { LoyaltyTier } from './booking';
import type { Language } from './languages';

/** The channel a contact came through; the door that received it is irrelevant past this point. */
export const CHANNELS = ['voice', 'sms', 'whatsapp', 'email', 'telegram'] as const;
/** The channel a contact came through. */
export type Channel = (typeof CHANNELS)[number];

/** Hints that tie a new message to an existing case. */
export interface ThreadHints {
  /** A case number the sender quoted (subject line, SMS text, IVR entry). */
  readonly caseNumber?: string | undefined;
  /** Message ids this one replies to (email In-Reply-To and References). */
  readonly inReplyTo?: readonly string[] | undefined;
}

/** One inbound message or call, as every door hands it to the intake. */
export interface Contact {
  readonly channel: Channel;
  /** The channel's own id for this message (MessageSid, SES message id, Connect ContactId). */
  readonly channelMessageId: string;
  /** Sender: E.164 phone number or lower-cased email address. */
  readonly from: string;
  /** What the sender contacted: dialled number, our SMS number, our mailbox. */
  readonly to: string;
  /** What the sender said or wrote (speech transcript for voice). */
  readonly text: string;
  readonly subject?: string | undefined;
  /** The language the door already knows (IVR menu choice, dialled country line). */
  readonly languageHint?: Language | undefined;
  /** The tier the door assumes (a call to the loyalty line), counted when above what the data says. */
  readonly assumedTier?: LoyaltyTier | undefined;
  readonly threadHints?: ThreadHints | undefined;
  /** Booking reference entered explicitly (IVR keypad); text is still searched when absent. */
  readonly bookingRef?: string | undefined;
  /** PIN entered on the keypad; never stored. */
  readonly pin?: string | undefined;
  /** Attachment or media references (URLs, S3 keys), never their content. */
  readonly attachments?: readonly string[] | undefined;
  /**
   * Email only: whether authentication (DMARC) vouches for the From address. An unproven address never
   * verifies the sender against a booking. Phone channels carry the carrier's number and need no flag.
   */
  readonly senderProven?: boolean | undefined;
  /**
   * The name the sender calls themselves (WhatsApp profile): shown to agents when no customer record
   * names them; anyone can choose any name, so it never verifies anything.
   */
  readonly senderName?: string | undefined;
  /** Why no acknowledgement may be sent (auto-reply, bounce, mailing list…); the contact is still recorded. */
  readonly noReplyReason?: string | undefined;
  /** ISO 8601 time the door received it. */
  readonly receivedAt: string;
}

/**
 * Whether replies on this channel go back in the same request (TwiML, IVR) or are sent later (email,
 * Telegram: sendMessage, so its errors are recorded and its message id kept).
 */
export function answersInline(channel: Channel): boolean {
  return channel !== 'email' && channel !== 'telegram';
}
