import type { Channel } from '../../../functions/domain/contact';

const CHANNEL_LABELS: Record<Channel, string> = {
  voice: 'Call',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  email: 'Email',
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

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
});

/** An instant as "23 Nov, 10:57:36 UTC" (the runtime's clock may not be this browser's). */
export function instant(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${timeFormat.format(ms)} UTC`;
}
