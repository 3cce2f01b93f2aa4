// The doors a reliability campaign drives on a running local runtime.
import type { Channel } from '../support/campaign';
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

/** SMS and WhatsApp through the signed Twilio messaging door; each conversation its own number. */
export function messagingChannels(baseUrl: () => string, token: string, runTag: number): Channel[] {
  const number = (prefix: string, n: number) =>
    `+${prefix}${String(runTag % 100).padStart(2, '0')}${String(n).padStart(7, '0')}`;
  return [
    {
      name: 'sms',
      send: twilioSender(baseUrl, token),
      contactIdOf: (id) => `sms:SM${id}`,
      senderOf: (n) => number('336', n),
      textOf: (k) => SMS_TEXTS[k % SMS_TEXTS.length] as string,
    },
    {
      name: 'whatsapp',
      send: twilioSender(baseUrl, token, true),
      contactIdOf: (id) => `whatsapp:SM${id}`,
      senderOf: (n) => number('447', n),
      textOf: (k) => WHATSAPP_TEXTS[k % WHATSAPP_TEXTS.length] as string,
    },
  ];
}
