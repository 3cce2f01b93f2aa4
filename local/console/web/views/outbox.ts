/// <reference lib="dom" />
import { channelLabel, instant } from '../format';
import { html } from '../html';
import type { OutboxEntry } from '../types';

interface OutboxProps {
  readonly messages: readonly OutboxEntry[];
  readonly onCase: (caseNumber: string) => void;
  readonly onIncident: (id: string) => void;
}

// What a message belongs to: an incident's notices carry its id where a case number would be, and a
// booking update to a guest with no open case carries none: neither opens a case.
function owner(m: OutboxEntry, props: OutboxProps) {
  if (m.kind === 'incident')
    return html`<button class="link" type="button" data-incident-link=${m.caseNumber}
      onClick=${() => props.onIncident(m.caseNumber)}>${m.caseNumber}</button>`;
  if (!m.caseNumber) return html`<span class="muted" data-no-case>no case</span>`;
  return html`<button class="link" type="button" onClick=${() => props.onCase(m.caseNumber)}>${m.caseNumber}</button>`;
}

/** Every message to a guest, newest first: what kind, on which channel, to whom, and how it went. */
export function OutboxView(props: OutboxProps) {
  if (props.messages.length === 0) return html`<p class="muted">Nothing answered yet.</p>`;
  return html`<ul class="rows">
    ${props.messages.map(
      (
        m,
      ) => html`<li key=${m.id} class="row outbox-entry" data-case=${m.kind === 'incident' ? undefined : m.caseNumber}
        data-kind=${m.kind}>
        <div class="entry-head">
          ${owner(m, props)}
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
