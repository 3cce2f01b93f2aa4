import type { FormParams } from '../../handlers/http/form';
import { TWILIO_FIELD_NAMES } from './twilio-fields';

/**
 * The fields that say who wrote or called, to which line, and which message or call it is: what a
 * forger would want to change. The sender chooses Body, Digits, SpeechResult and ProfileName anyway.
 */
const IDENTITY_FIELDS = ['From', 'To', 'CallSid', 'MessageSid', 'SmsMessageSid', 'SmsSid'] as const;

// What can begin a value of each identity field as Twilio sends it (and as our doors accept it after
// trimming): a phone number with or without whatsapp:, a Twilio Client or SIP address, the words Twilio
// uses for a withheld caller; a SID is letters and digits. A number cut out of a value ends where a name
// begins, and a name after From or To sorts after it, so never starts with a digit: the whole number is
// there, not followed by a digit (a body's "From +33 6 12 34 56 78" is not one).
const PHONE_START =
  /^(?:\s*(?:whatsapp:)?\+[1-9]\d{6,14}(?!\d)|(?:client|sip|sips|messenger|rcs):|Anonymous|Restricted|Unknown)/i;
const SID_START = /^\s*[A-Za-z0-9]/;
const VALUE_START: Record<(typeof IDENTITY_FIELDS)[number], RegExp> = {
  From: PHONE_START,
  To: PHONE_START,
  CallSid: SID_START,
  MessageSid: SID_START,
  SmsMessageSid: SID_START,
  SmsSid: SID_START,
};

interface Segment {
  readonly name: string;
  /** Where the name starts and where its value starts, in the signed text after the URL. */
  readonly nameAt: number;
  readonly valueAt: number;
}

// The text Twilio signs after the URL, as twilio-node builds it: names sorted, each followed by its
// value; a repeated name once per distinct value, values sorted.
function signedSegments(params: FormParams): { text: string; segments: Segment[] } {
  let text = '';
  const segments: Segment[] = [];
  for (const name of Object.keys(params).sort()) {
    const raw = params[name] ?? '';
    const values = typeof raw === 'string' ? [raw] : [...new Set(raw)].sort();
    for (const value of values) {
      segments.push({ name, nameAt: text.length, valueAt: text.length + name.length });
      text += name + value;
    }
  }
  return { text, segments };
}

function containsFieldName(name: string): string | undefined {
  for (const field of TWILIO_FIELD_NAMES) if (name !== field && name.includes(field)) return field;
  return undefined;
}

/**
 * Why these signed parameters could be a re-split of what Twilio signed, or undefined when they could
 * not. Twilio signs the URL followed by every name and value with nothing between, so one signature
 * covers every way of cutting that text into names and values. The rule (README, Security review):
 * 1. An identity field (From, To, CallSid, MessageSid, SmsMessageSid, SmsSid) comes once.
 * 2. Wherever an identity field's name appears in the signed text followed by what can begin its value,
 *    it must be that field, or the end of a documented name (ForwardedFrom, ParentCallSid,
 *    SmsMessageSid…), each followed by its own value. Twilio always sends From, To and the SID with a
 *    value that can begin so: a forger who moves one of them elsewhere leaves the real one unexplained.
 * 3. The first name in sorted order, when undocumented, holds no documented name: its front could be
 *    the signed URL's tail (the IVR keeps its state in the URL's query).
 */
export function resplitRisk(params: FormParams): string | undefined {
  for (const field of IDENTITY_FIELDS) {
    const value = params[field];
    if (value !== undefined && typeof value !== 'string') return `${field} is repeated`;
  }
  const { text, segments } = signedSegments(params);
  const first = segments[0]?.name ?? '';
  const inFirst = TWILIO_FIELD_NAMES.has(first) ? undefined : containsFieldName(first);
  if (inFirst) return `the first parameter "${first.slice(0, 60)}" holds the name ${inFirst}`;
  for (const field of IDENTITY_FIELDS) {
    for (let at = text.indexOf(field); at !== -1; at = text.indexOf(field, at + 1)) {
      if (!VALUE_START[field].test(text.slice(at + field.length, at + field.length + 40))) continue;
      const explained = segments.some(
        (s) =>
          s.valueAt === at + field.length &&
          s.nameAt <= at &&
          (s.name === field || TWILIO_FIELD_NAMES.has(s.name)),
      );
      if (!explained)
        return `${field} also appears ${whereIn(segments, at)} followed by what could be its value`;
    }
  }
  return undefined;
}

function whereIn(segments: readonly Segment[], at: number): string {
  const holder = segments.findLast((s) => s.nameAt <= at);
  if (!holder) return 'in the signed text';
  return at < holder.valueAt
    ? `inside the name ${holder.name.slice(0, 60)}`
    : `in the value of ${holder.name.slice(0, 60)}`;
}
