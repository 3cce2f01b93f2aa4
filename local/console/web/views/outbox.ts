/// <reference lib="dom" />
import { channelLabel, instant } from '../format';
import { html } from '../html';
import type { ContactRecord } from '../types';

/** Everything answered to guests, newest first. */
export function OutboxView(props: { messages: readonly ContactRecord[]; onCase: (n: string) => void }) {
  if (props.messages.length === 0) return html`<p class="muted">Nothing answered yet.</p>`;
  return html`<ul class="rows">
    ${props.messages.map(
      (m) => html`<li key=${m.id} class="row outbox-entry" data-case=${m.caseNumber}>
        <div class="entry-head">
          <button class="link" type="button" onClick=${() => props.onCase(m.caseNumber)}>${m.caseNumber}</button>
          <span class="chip">${channelLabel(m.channel)}</span>
          <span class="chip">${m.reply?.language}</span>
          <span class="chip">${m.reply?.delivery}</span>
          <span class="muted">to ${m.reply?.to} · ${instant(m.receivedAt)}</span>
        </div>
        ${m.reply?.subject ? html`<p class="muted">${m.reply.subject}</p>` : null}
        <p class="reply-text">${m.reply?.text}</p>
      </li>`,
    )}
  </ul>`;
}
