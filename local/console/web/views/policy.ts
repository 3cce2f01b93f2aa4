/// <reference lib="dom" />
import { html } from '../html';
import type { TeamStatus } from '../types';

/** Each team of the routing policy, its language and time zone, and whether it is open now. */
export function PolicyView(props: { teams: readonly TeamStatus[] }) {
  return html`<div class="stack">
    <p class="muted">From policy/routing-policy.json, at the runtime’s clock; public holidays from each team’s country calendar (date-holidays). A closed team’s contacts go to the 24/7 fallback.</p>
    <ul class="rows">
      ${props.teams.map(
        (t) => html`<li key=${t.id} class="row team" data-team=${t.id}>
          <strong>${t.id}</strong>
          <span class=${`state ${t.open ? 'open' : 'closed'}`}>${t.open ? 'open' : 'closed'}</span>
          ${t.fallback ? html`<span class="chip">24/7 fallback</span>` : null}
          <span class="chip">${t.language}</span>
          <span class="muted">${t.reason} · ${t.waiting} waiting</span>
          ${t.calendar ? html`<span class="chip" title=${`public holidays computed until ${t.calendarUntil}`}>holidays: ${t.calendar}</span>` : null}
          ${
            t.closures.length
              ? html`<span class="muted closures" data-closures=${t.id}>closed ${t.closures
                  .map((c) => `${c.date} ${c.name}`)
                  .join(' · ')}</span>`
              : null
          }
        </li>`,
      )}
    </ul>
  </div>`;
}
