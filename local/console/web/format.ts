import type { Channel } from '../../../functions/domain/contact';

const CHANNEL_LABELS: Record<Channel, string> = {
  voice: 'Call',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  email: 'Email',
  telegram: 'Telegram',
};

/** How a channel is named on screen. */
export function channelLabel(channel: Channel): string {
  return CHANNEL_LABELS[channel] ?? channel;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** How long a contact has waited, e.g. "45 s", "12 min", "2 h 05", "3 d 4 h". */
export function waitingFor(receivedAt: string, nowMs: number): string {
  const seconds = Math.max(0, Math.floor((nowMs - Date.parse(receivedAt)) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${pad(minutes % 60)}`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** A local calendar date ("2026-11-23") as "Mon 23 Nov". */
export function shortDate(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? date : dayFormat.format(ms);
}

/** A stay as "Mon 23 Nov → Tue 24 Nov". */
export function stay(checkIn: string | undefined, checkOut: string | undefined): string {
  if (!checkIn) return 'no booking';
  return checkOut ? `${shortDate(checkIn)} → ${shortDate(checkOut)}` : shortDate(checkIn);
}

// No timeZone option: the browser's own zone, named in the text ("CET", "GMT+7") so nobody guesses.
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

/** An instant in this browser's time zone, e.g. "23 Nov, 11:57:36 CET". */
export function instant(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : timeFormat.format(ms);
}

const TOPIC_LABELS: Record<string, string> = {
  change_booking: 'Change of booking',
  cancel_booking: 'Cancellation',
  refund: 'Refund',
  payment: 'Payment',
  add_service: 'Extra service',
  arrival_problem: 'Problem on arrival',
  account: 'Account',
  technical: 'Technical problem',
  complaint: 'Complaint',
  general: 'General question',
  emergency: 'Emergency',
};

/** A topic as people say it ("Problem on arrival"), the raw id for one we do not know. */
export function topicLabel(topic: string): string {
  return TOPIC_LABELS[topic] ?? topic;
}

/** How a due time stands at `nowMs`: "due in 12 min" or "overdue 5 min", and whether it is missed. */
export function dueText(
  dueAt: string | undefined,
  nowMs: number,
): { text: string; late: boolean } | undefined {
  if (!dueAt) return undefined;
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return undefined;
  const late = nowMs > due;
  const span = waitingFor(new Date(Math.min(due, nowMs)).toISOString(), Math.max(due, nowMs));
  return { text: late ? `overdue ${span}` : `due in ${span}`, late };
}

/** The agent name this browser acts as (kept in localStorage; "console-agent" until set). */
export function agentName(): string {
  try {
    return globalThis.localStorage?.getItem('agent') || 'console-agent';
  } catch {
    return 'console-agent';
  }
}
