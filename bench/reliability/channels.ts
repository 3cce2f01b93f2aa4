// The doors a reliability campaign drives on a running local runtime: SMS and WhatsApp (signed Twilio
// webhooks), email (SMTP to the email door) and calls (the Connect IVR through the flow simulator).
import { messageIdKey } from '../../functions/adapters/email/message-id-keys';
import type { PhoneLines } from '../../functions/domain/ivr/phone-lines';
import type { RoutingPolicy } from '../../functions/domain/routing/policy-schema';
import { callSender, campaignContactId } from '../support/call-sender';
import type { Channel } from '../support/campaign';
import { campaignMessageId, emailSender, type SmtpDoor } from '../support/email-sender';
import { twilioSender } from '../support/senders';

const SMS_TEXTS = [
  'Bonjour, je voudrais changer les dates de ma réservation',
  'Des nouvelles ? Merci',
  'Pouvez-vous confirmer par SMS ?',
];
const WHATSAPP_TEXTS = [
  'Hi, can I add an airport transfer to my booking?',
  'Any update on this?',
  'Thanks, waiting for your answer',
];
const EMAIL_TEXTS = [
  'Hallo, ich möchte meine Buchung stornieren und das Geld zurückbekommen.',
  'Gibt es schon eine Antwort? Vielen Dank.',
  'Bitte bestätigen Sie die Stornierung per E-Mail.',
];
const CALL_TEXTS = [
  'I want to change the dates of my booking',
  'I was charged twice for my room',
  'Can I get a refund for my cancelled stay',
];
const EMAIL_SUBJECTS: Record<string, string> = {
  [EMAIL_TEXTS[0] as string]: 'Stornierung meiner Buchung',
  [EMAIL_TEXTS[1] as string]: 'Re: Stornierung meiner Buchung',
  [EMAIL_TEXTS[2] as string]: 'Re: Stornierung meiner Buchung',
};

const pick = (texts: readonly string[], k: number) => texts[k % texts.length] as string;
const number = (prefix: string, runTag: number, n: number) =>
  `+${prefix}${String(runTag % 100).padStart(2, '0')}${String(n).padStart(7, '0')}`;

/** SMS and WhatsApp through the signed Twilio messaging door; each conversation its own number. */
export function messagingChannels(baseUrl: () => string, token: string, runTag: number): Channel[] {
  return [
    {
      name: 'sms',
      send: twilioSender(baseUrl, token),
      contactIdOf: (id) => `sms:SM${id}`,
      senderOf: (n) => number('336', runTag, n),
      textOf: (k) => pick(SMS_TEXTS, k),
      concurrentRedelivery: true,
    },
    {
      name: 'whatsapp',
      send: twilioSender(baseUrl, token, true),
      contactIdOf: (id) => `whatsapp:SM${id}`,
      senderOf: (n) => number('447', runTag, n),
      textOf: (k) => pick(WHATSAPP_TEXTS, k),
      concurrentRedelivery: true,
    },
  ];
}

/**
 * Email over SMTP. The door names each received copy anew, so a message's contact is found through its
 * Message-ID ("msgid:" refs, resolved by the audit from the door's Message-ID records).
 */
export function emailChannel(door: () => SmtpDoor, runTag: number): Channel {
  return {
    name: 'email',
    send: emailSender(door, (text) => EMAIL_SUBJECTS[text] ?? 'Buchung'),
    contactIdOf: (id) => `msgid:${messageIdKey(campaignMessageId(id))}`,
    senderOf: (n) => `guest-${runTag % 100}-${n}@campaign.contact-router.test`,
    textOf: (k) => pick(EMAIL_TEXTS, k),
    concurrentRedelivery: false,
  };
}

/** Calls to the English line through the Connect IVR; each conversation one caller calling again. */
export function callChannel(
  baseUrl: () => string,
  policy: RoutingPolicy,
  lines: PhoneLines,
  runTag: number,
): Channel {
  return {
    name: 'call',
    send: callSender(baseUrl, policy, lines),
    contactIdOf: (id) => `voice:${campaignContactId(id)}`,
    senderOf: (n) => number('4420', runTag, n),
    textOf: (k) => pick(CALL_TEXTS, k),
    concurrentRedelivery: true,
  };
}
