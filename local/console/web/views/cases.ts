/// <reference lib="dom" />
import { instant } from '../format';
import { html } from '../html';
import type { Case } from '../types';

/** Every case, newest first; choosing one opens its timeline. */
export function CasesView(props: { cases: readonly Case[]; onCase: (n: string) => void }) {
  if (props.cases.length === 0) return html`<p class="muted">No case yet.</p>`;
  return html`<ul class="rows">
    ${props.cases.map(
      (c) => html`<li key=${c.caseNumber} class="row" data-case=${c.caseNumber}>
        <button class="link" type="button" onClick=${() => props.onCase(c.caseNumber)}>${c.caseNumber}</button>
        <span class=${`chip ${c.status === 'resolved' || c.status === 'closed' || c.status === 'merged' ? '' : 'ok'}`}>${c.status === 'open' ? 'waiting' : c.status.replace('_', ' ')}</span>
        <span class="chip">${c.queue} · P${c.priority}</span>
        <span class="chip">${c.topic}</span>
        <span class="chip">${c.language}</span>
        <span class="muted">${c.contactCount} contact${c.contactCount === 1 ? '' : 's'} · ${c.bookingRef ?? 'no booking'} · updated ${instant(c.updatedAt)}</span>
      </li>`,
    )}
  </ul>`;
}
