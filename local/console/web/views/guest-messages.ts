/// <reference lib="dom" />
import { channelLabel, instant } from '../format';
import { html } from '../html';
import type { Case, MessageView } from '../types';

const SENT_EVENTS: Readonly<Record<string, string>> = {
  replied: 'reply',
  survey_sent: 'survey',
  callback_requested: 'call back',
  notified: 'booking update',
};

/**
 * What the case sent the guest (replies, the survey, call backs asked for), each with its delivery
 * status as last known: the runtime's list when it gives one, else the answer to this console's send.
 */
export function GuestMessages(props: { kase: Case; known: ReadonlyMap<string, MessageView> }) {
  const sent = props.kase.timeline.filter((e) => e.messageId && e.type in SENT_EVENTS);
  if (sent.length === 0) return null;
  return html`<h4>Sent to the guest</h4>
    <ol class="entries" data-guest-messages>${sent.map((e) => {
      const known = props.known.get(e.messageId ?? '');
      const status = e.type === 'callback_requested' ? 'call back' : (known?.delivery ?? 'status unknown');
      return html`<li class="reply" data-message=${e.messageId}>
        <span class="chip">${SENT_EVENTS[e.type]}</span>
        ${e.channel || known ? html`<span class="chip">${channelLabel(known?.channel ?? e.channel ?? 'sms')}</span>` : null}
        <span class=${`chip ${['failed', 'undelivered', 'refused', 'suppressed'].includes(status) ? 'warn' : 'ok'}`} data-delivery=${status}>${status}</span>
        <span class="muted">${instant(e.at)}${known?.to ? ` · to ${known.to}` : ''}${known?.reason ? ` · ${known.reason}` : ''}</span>
        ${e.note ? html`<p>${e.note}</p>` : null}
      </li>`;
    })}</ol>`;
}

/** The guest's survey answer as a chip: score, and the comment when there is one. */
export function SatisfactionChip(props: { kase: Case }) {
  const s = props.kase.satisfaction;
  if (!s) return null;
  return html`<span class=${`chip ${s.score <= 2 ? 'warn' : 'ok'}`} data-satisfaction=${s.score} title=${s.comment ?? ''}>CSAT ${s.score}/5${s.comment ? ` · “${s.comment}”` : ''}</span>`;
}
