import type { Case } from '../case';
import type { Channel } from '../contact';
import type { BookingStore, ContactRecord } from '../ports';
import { fillTemplate } from './canned-templates';
import { verifiedBookingOf } from './verified-booking';

/** What the agent asked to say: free text, or a canned answer with the agent's placeholders. */
export type ReplyContent =
  | { readonly text: string }
  | { readonly template: string; readonly variables?: Readonly<Record<string, string>> | undefined };

// Twilio's Messages API takes a Body of at most 1,600 characters (SMS and WhatsApp alike); a mail answer
// gets room for a real explanation; Telegram's sendMessage takes 1-4096 characters of text.
const MAX_LENGTH: Readonly<Record<Exclude<Channel, 'voice'>, number>> = {
  sms: 1600,
  whatsapp: 1600,
  email: 20_000,
  telegram: 4096,
};

/** The text to send, or why not: `invalid` is the request's fault (400), `conflict` the case's (409). */
export type ComposedReply =
  | { readonly ok: true; readonly text: string; readonly template?: string | undefined }
  | {
      readonly ok: false;
      readonly kind: 'invalid' | 'conflict';
      readonly code: string;
      readonly message: string;
    };

/** Writes the reply in the case's language: the agent's text as given, or a template filled for the case. */
export async function composeReply(
  bookings: Pick<BookingStore, 'getBooking'>,
  kase: Case,
  contacts: readonly ContactRecord[],
  content: ReplyContent,
  channel: Exclude<Channel, 'voice'>,
  at: Date,
): Promise<ComposedReply> {
  let text: string;
  let template: string | undefined;
  if ('text' in content) text = content.text.trim();
  else {
    const filled = fillTemplate(
      content.template,
      {
        caseNumber: kase.caseNumber,
        language: kase.language,
        verifiedBooking: await verifiedBookingOf(bookings, contacts, at),
      },
      content.variables,
    );
    if (!filled.ok)
      return {
        ok: false,
        kind: filled.reason === 'needs_verified_booking' ? 'conflict' : 'invalid',
        code: filled.reason,
        message: filled.message,
      };
    text = filled.text;
    template = filled.id;
  }
  if (text === '') return { ok: false, kind: 'invalid', code: 'empty_text', message: 'the reply is empty' };
  if (text.length > MAX_LENGTH[channel])
    return {
      ok: false,
      kind: 'invalid',
      code: 'too_long',
      message: `a ${channel} reply takes at most ${MAX_LENGTH[channel]} characters (this one has ${text.length})`,
    };
  return { ok: true, text, template };
}

/** The subject of a mail answer: the guest's own, as a reply, naming the case so a reply finds it again. */
export function replySubject(caseNumber: string, guestSubject: string | undefined): string {
  const base = guestSubject?.trim() || caseNumber;
  const withCase = base.includes(caseNumber) ? base : `[${caseNumber}] ${base}`;
  return /^re:/i.test(withCase) ? withCase : `Re: ${withCase}`;
}
