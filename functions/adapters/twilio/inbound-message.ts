import type { SmsContact, WhatsAppContact } from '../../domain/contact';
import { ValidationError } from '../../domain/errors';

/** Twilio caps SMS bodies at 1,600 characters and WhatsApp at 4,096; anything longer is cut here. */
export const MAX_MESSAGE_CHARS = 8_000;
// WhatsApp caps profile names far below this; a longer one is not a name.
const MAX_NAME_CHARS = 100;
// Twilio sends at most 10 media items per message.
const MAX_MEDIA = 10;
const E164 = /^\+[1-9]\d{6,14}$/;
const SID = /^[A-Za-z0-9]{2,64}$/;

/** The parameters inboundMessageOf reads: Twilio sends each once, so a repeated one is refused (400). */
export const TWILIO_MESSAGING_FIELDS: readonly string[] = [
  'MessageSid',
  'SmsMessageSid',
  'SmsSid',
  'From',
  'To',
  'Body',
  'NumMedia',
  'ProfileName',
  'Latitude',
  'Longitude',
  ...Array.from({ length: MAX_MEDIA }, (_, i) => `MediaUrl${i}`),
];

/** An inbound SMS or WhatsApp message as our intake sees it (a WhatsApp profile name is its senderName). */
export interface InboundMessage {
  readonly contact: SmsContact | WhatsAppContact;
  /** True when the body was longer than MAX_MESSAGE_CHARS and was cut. */
  readonly truncated: boolean;
}

function phoneOf(field: string, raw: string | undefined): string {
  const value = (raw ?? '').trim().replace(/^whatsapp:/i, '');
  if (!value) throw new ValidationError(field, 'missing: Twilio always sends the sender and the recipient');
  // The value is not echoed: error messages reach logs, and this may be a real phone number.
  if (!E164.test(value)) throw new ValidationError(field, 'is not an E.164 phone number like +33612345678');
  return value;
}

function mediaOf(params: Readonly<Record<string, string>>): string[] {
  const count = Math.min(Number.parseInt(params.NumMedia ?? '0', 10) || 0, MAX_MEDIA);
  const urls: string[] = [];
  for (let i = 0; i < count; i++) {
    const url = params[`MediaUrl${i}`];
    // Only Twilio's own https media links are kept; anything else is not a media reference.
    if (url?.startsWith('https://')) urls.push(url);
  }
  const { Latitude: lat, Longitude: lon } = params;
  if (lat && lon && Number.isFinite(Number(lat)) && Number.isFinite(Number(lon)))
    urls.push(`geo:${lat},${lon}`);
  return urls;
}

/**
 * Reads Twilio's inbound messaging webhook parameters (SMS, MMS, WhatsApp) into a contact. Unknown
 * parameters are ignored; a missing MessageSid, From or To is a ValidationError naming the field.
 */
export function inboundMessageOf(
  params: Readonly<Record<string, string>>,
  receivedAt: string,
): InboundMessage {
  const sid = (params.MessageSid ?? params.SmsMessageSid ?? params.SmsSid ?? '').trim();
  if (!sid) throw new ValidationError('MessageSid', 'missing: every Twilio message has one');
  if (!SID.test(sid)) throw new ValidationError('MessageSid', `"${sid.slice(0, 70)}" is not a Twilio SID`);
  const whatsapp = /^whatsapp:/i.test(params.From ?? '');
  const from = phoneOf('From', params.From);
  const to = phoneOf('To', params.To);
  const body = params.Body ?? '';
  const truncated = body.length > MAX_MESSAGE_CHARS;
  const attachments = mediaOf(params);
  const profileName = params.ProfileName?.trim().slice(0, MAX_NAME_CHARS) || undefined;
  const common = {
    channelMessageId: sid,
    from,
    to,
    text: truncated ? body.slice(0, MAX_MESSAGE_CHARS) : body,
    attachments: attachments.length > 0 ? attachments : undefined,
    receivedAt,
  };
  // Only WhatsApp has profile names (ProfileName); an SMS sender is a number and nothing more.
  const contact: SmsContact | WhatsAppContact = whatsapp
    ? { ...common, channel: 'whatsapp', senderName: profileName }
    : { ...common, channel: 'sms' };
  return { contact, truncated };
}
