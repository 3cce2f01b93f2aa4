import type {
  Channel,
  Contact,
  EmailContact,
  SmsContact,
  TelegramContact,
  VoiceContact,
  WhatsAppContact,
} from '../../functions/domain/contact';

type Fields<C> = Partial<Omit<C, 'channel'>>;

/** Any field of any contact variant, each optional: a test names the channel and what it needs. */
export type ContactFields = { readonly channel?: Channel } & Fields<VoiceContact> &
  Fields<SmsContact> &
  Fields<WhatsAppContact> &
  Fields<EmailContact> &
  Fields<TelegramContact>;

/** What every built contact starts from. */
export type ContactDefaults = Pick<Contact, 'channelMessageId' | 'from' | 'to' | 'text' | 'receivedAt'>;

// The fields only some variants have, and which.
const ONLY_ON: Readonly<Record<string, readonly Channel[]>> = {
  bookingRef: ['voice'],
  pin: ['voice'],
  assumedTier: ['voice'],
  attachments: ['sms', 'whatsapp', 'email', 'telegram'],
  senderName: ['whatsapp', 'telegram'],
  subject: ['email'],
  senderProven: ['email'],
  noReplyReason: ['email'],
  emailThread: ['email'],
};

/**
 * The contact of `fields.channel` (SMS when none) from `defaults` overridden by `fields`, as its door
 * would build it, an email's sender unproven unless the test says otherwise. A field the channel does
 * not carry is a mistake in the test: it throws rather than dropping it.
 */
export function contactOf(defaults: ContactDefaults, fields: ContactFields): Contact {
  const asked = fields.channel ?? 'sms';
  for (const [field, channels] of Object.entries(ONLY_ON))
    if (field in fields && !channels.includes(asked))
      throw new Error(`a ${asked} contact has no ${field} (only ${channels.join(', ')})`);
  const {
    channel = 'sms',
    bookingRef,
    pin,
    assumedTier,
    attachments,
    senderName,
    subject,
    senderProven,
    noReplyReason,
    emailThread,
    ...base
  } = { ...defaults, ...fields };
  switch (channel) {
    case 'voice':
      return { ...base, channel, bookingRef, pin, assumedTier };
    case 'sms':
      return { ...base, channel, attachments };
    case 'whatsapp':
    case 'telegram':
      return { ...base, channel, attachments, senderName };
    case 'email':
      return {
        ...base,
        channel,
        subject,
        attachments,
        senderProven: senderProven ?? false,
        noReplyReason,
        emailThread,
      };
  }
}
