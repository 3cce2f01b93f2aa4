import type {
  Channel,
  Contact,
  EmailContact,
  SmsContact,
  VoiceContact,
  WhatsAppContact,
} from '../../functions/domain/contact';

type Fields<C> = Partial<Omit<C, 'channel'>>;

/** Any field of any contact variant, each optional: a test names the channel and what it needs. */
export type ContactFields = { readonly channel?: Channel } & Fields<VoiceContact> &
  Fields<SmsContact> &
  Fields<WhatsAppContact> &
  Fields<EmailContact>;

/** What every built contact starts from. */
export type ContactDefaults = Pick<Contact, 'channelMessageId' | 'from' | 'to' | 'text' | 'receivedAt'>;

/**
 * The contact of `fields.channel` (SMS when none) from `defaults` overridden by `fields`, as its door
 * would build it: fields that channel does not carry are left out, an email's sender is unproven
 * unless the test says otherwise.
 */
export function contactOf(defaults: ContactDefaults, fields: ContactFields): Contact {
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
