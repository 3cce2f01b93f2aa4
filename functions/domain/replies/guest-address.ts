import type { Channel } from '../contact';
import type { EmailThread } from '../outbound/messenger';
import type { ContactRecord } from '../ports';
import { takesTextMessages } from './phone-kind';

// The guest's own messages a reply answers, latest first: enough for email threading (References).
const MAX_ANSWERED = 10;

/** Where a message to the guest of a case goes. */
export type GuestAddress =
  | {
      readonly kind: 'message';
      readonly channel: Exclude<Channel, 'voice'>;
      readonly to: string;
      /** Ids of the guest's contacts it answers, latest first. */
      readonly answers: readonly string[];
      /** The guest called; the answer goes by SMS to the number they called from. */
      readonly forCall: boolean;
      /** Email: the Message-IDs of the guest's latest mail that has them, for In-Reply-To and References. */
      readonly emailThread?: EmailThread | undefined;
    }
  | {
      /** The guest called from a number that takes no text: someone has to call back. */
      readonly kind: 'callback';
      readonly number: string;
      readonly contact: ContactRecord;
    }
  | {
      readonly kind: 'refused';
      readonly reason: 'no_contact' | 'channel_not_used';
      readonly message: string;
    };

/**
 * Where to answer the guest: on the channel of their latest contact (or the `asked` one, if they used
 * it), to the address that contact came from. A call is answered by SMS when the number takes text
 * messages, otherwise by a call back.
 */
export function guestAddress(
  contacts: readonly ContactRecord[],
  asked?: Channel,
  takesText: (number: string) => boolean = takesTextMessages,
): GuestAddress {
  const latestFirst = [...contacts].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  if (latestFirst.length === 0)
    return { kind: 'refused', reason: 'no_contact', message: 'the case has no contact to answer' };
  const used = [...new Set(latestFirst.map((c) => c.channel))];
  const latest = latestFirst.find((c) => asked === undefined || c.channel === asked);
  if (!latest)
    return {
      kind: 'refused',
      reason: 'channel_not_used',
      message: `the guest never wrote by ${asked}; channels on this case: ${used.join(', ')}`,
    };
  const theirs = latestFirst.filter((c) => c.channel === latest.channel && c.from === latest.from);
  const answers = theirs.slice(0, MAX_ANSWERED).map((c) => c.id);
  if (latest.channel !== 'voice') {
    const emailThread = theirs.find((c) => c.emailThread?.messageId)?.emailThread;
    return {
      kind: 'message',
      channel: latest.channel,
      to: latest.from,
      answers,
      forCall: false,
      emailThread,
    };
  }
  if (takesText(latest.from))
    return { kind: 'message', channel: 'sms', to: latest.from, answers, forCall: true };
  return { kind: 'callback', number: latest.from, contact: latest };
}
