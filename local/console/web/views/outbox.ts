/// <reference lib="dom" />
import { channelLabel, instant } from '../format';
import { html } from '../html';
import type { OutboxEntry } from '../types';

/** Every message to a guest, newest first: what kind, on which channel, to whom, and how it went. */
export function OutboxView(props: { messages: readonly OutboxEntry[]; onCase: (n: string) => void }) {
  if (props.messages.length === 0) return html`<p class="muted">Nothing answered yet.</p>`;
  return html`<ul class="rows">
    ${props.messages.map(
      (m) => html`<li key=${m.id} class="row outbox-entry" data-case=${m.caseNumber}>
        <div class="entry-head">
          <button class="link" type="button" onClick=${() => props.onCase(m.caseNumber)}>${m.caseNumber}</button>
          <span class="chip">${channelLabel(m.channel)}</span>
          <span class="chip">${m.kind}</span>
          <span class="chip">${m.language}</span>
          <span class="chip">${m.delivery}</span>
          <span class="muted">to ${m.to} · ${instant(m.createdAt)}</span>
        </div>
        ${m.subject ? html`<p class="muted">${m.subject}</p>` : null}
        ${(m.reason ?? m.error) ? html`<p class="muted">${m.reason ?? m.error}</p>` : null}
        <p class="reply-text">${m.text}</p>
      </li>`,
    )}
  </ul>`;
}
