import type { LoyaltyTier } from './booking';
import type { Language } from './languages';
import type { EmailThread } from './outbound/messenger';

/** The channel a contact came through; the door that received it is irrelevant past this point. */
export const CHANNELS = ['voice', 'sms', 'whatsapp', 'email', 'telegram'] as const;
/** The channel a contact came through. */
export type Channel = (typeof CHANNELS)[number];

/** Hints that tie a new message to an existing case. */
export interface ThreadHints {
  /** A case number the sender quoted (subject line, SMS text, IVR entry). */
  readonly caseNumber?: string | undefined;
}

/** What every contact carries, whatever its channel. */
export interface ContactBase<C extends Channel> {
  readonly channel: C;
  /** The channel's own id for this message (the provider's message, mail or call id). */
  readonly channelMessageId: string;
  /** Sender: E.164 phone number or lower-cased email address ("" for a call without caller id). */
  readonly from: string;
  /** What the sender contacted: dialled number, our SMS number, our mailbox. */
  readonly to: string;
  /** What the sender said or wrote (speech transcript for voice). */
  readonly text: string;
  /** The language the door already knows (IVR menu choice, dialled country line). */
  readonly languageHint?: Language | undefined;
  readonly threadHints?: ThreadHints | undefined;
  /** ISO 8601 time the door received it. */
  readonly receivedAt: string;
}

/** A call: the keypad entries of the IVR, and what the dialled line assumes. */
export interface VoiceContact extends ContactBase<'voice'> {
  /** Booking reference entered on the keypad; the transcript is still searched when absent. */
  readonly bookingRef?: string | undefined;
  /** PIN entered on the keypad; never stored. */
  readonly pin?: string | undefined;
  /** The tier the line assumes (the loyalty line), counted when above what the data says. */
  readonly assumedTier?: LoyaltyTier | undefined;
}

/** A written message that may carry files. */
interface CarriesAttachments {
  /** Attachment or media references (URLs, S3 keys, geo: locations), never their content. */
  readonly attachments?: readonly string[] | undefined;
}

/** An SMS or MMS; the carrier's number proves the sender holds it. */
export interface SmsContact extends ContactBase<'sms'>, CarriesAttachments {}

/** A WhatsApp message. */
export interface WhatsAppContact extends ContactBase<'whatsapp'>, CarriesAttachments {
  /**
   * The name the sender calls themselves (WhatsApp profile): shown to agents when no customer record
   * names them; anyone can choose any name, so it never verifies anything.
   */
  readonly senderName?: string | undefined;
}

/** An email. */
export interface EmailContact extends ContactBase<'email'>, CarriesAttachments {
  readonly subject?: string | undefined;
  /**
   * Whether authentication (DMARC) vouches for the From address. An unproven address never verifies the
   * sender against a booking.
   */
  readonly senderProven: boolean;
  /** Why no acknowledgement may be sent (auto-reply, bounce, mailing list…); the contact is still recorded. */
  readonly noReplyReason?: string | undefined;
  /** The guest's mail id and the ids it replies to: what our answers to this mail thread on. */
  readonly emailThread?: EmailThread | undefined;
}

/** A Telegram message: the sender is the account (`telegram:<user id>`), which is also the chat answered. */
export interface TelegramContact extends ContactBase<'telegram'>, CarriesAttachments {
  /** The account's first and last name; anyone can choose any name, so it never verifies anything. */
  readonly senderName?: string | undefined;
}

// One variant per channel: a channel added to CHANNELS without its variant here fails to compile.
interface ContactVariants {
  readonly voice: VoiceContact;
  readonly sms: SmsContact;
  readonly whatsapp: WhatsAppContact;
  readonly email: EmailContact;
  readonly telegram: TelegramContact;
}

/** The contact variant of one channel. */
export type ContactOf<C extends Channel> = ContactVariants[C];

/** One inbound message or call, as every door hands it to the intake: its type says what its channel carries. */
export type Contact = ContactOf<Channel>;

/** The subject line, which only email has. */
export function subjectOf(contact: Contact): string | undefined {
  return contact.channel === 'email' ? contact.subject : undefined;
}

/** The attachment and media references of a written message (a call has none). */
export function attachmentsOf(contact: Contact): readonly string[] | undefined {
  return contact.channel === 'voice' ? undefined : contact.attachments;
}

/** The name the sender gave themselves, where the channel carries one (WhatsApp's profile, Telegram's account). */
export function senderNameOf(contact: Contact): string | undefined {
  return contact.channel === 'whatsapp' || contact.channel === 'telegram' ? contact.senderName : undefined;
}

/** Why the door said nothing may be answered (machine mail); only mail is told apart that way. */
export function noReplyReasonOf(contact: Contact): string | undefined {
  return contact.channel === 'email' ? contact.noReplyReason : undefined;
}

/** The mail ids an answer to this contact threads on: only mail has them. */
export function emailThreadOf(contact: Contact): EmailThread | undefined {
  return contact.channel === 'email' ? contact.emailThread : undefined;
}

/** What was typed on the keypad (a call's booking number and PIN); nothing for written channels. */
export function keypadOf(contact: Contact): Pick<VoiceContact, 'bookingRef' | 'pin'> {
  return contact.channel === 'voice' ? { bookingRef: contact.bookingRef, pin: contact.pin } : {};
}

/**
 * Whether replies on this channel go back in the same request (TwiML, IVR) or are sent later (email,
 * Telegram: sendMessage, so its errors are recorded and its message id kept).
 */
export function answersInline(channel: Channel): boolean {
  return channel !== 'email' && channel !== 'telegram';
}
