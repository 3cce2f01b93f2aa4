/// <reference lib="dom" />
import { useEffect, useState } from 'preact/hooks';
import { postJson } from '../api';
import { agentName, channelLabel, dueText, stay, topicLabel, waitingFor } from '../format';
import { html } from '../html';
import type { ConsoleData, QueueEntryView, TeamStatus } from '../types';

function useTick(ms: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

function Entry(props: { entry: QueueEntryView; nowMs: number; onCase: (n: string) => void }) {
  const { entry, nowMs } = props;
  const due = dueText(entry.firstResponseAt ? entry.resolutionDueAt : entry.firstResponseDueAt, nowMs);
  const shown = entry.effectivePriority ?? entry.priority;
  return html`<li class="entry" data-contact=${entry.contactId} data-case=${entry.caseNumber}>
    <div class="entry-head">
      <span class=${`prio p${Math.min(shown, 5)}`} title="priority (1 = first), escalated while overdue">P${shown}</span>
      ${entry.emergency ? html`<span class="chip warn">emergency</span>` : null}
      ${due ? html`<span class=${`chip ${due.late ? 'warn' : ''}`} data-due>${due.text}</span>` : null}
      <span class="chip" title="contacts on the case">${entry.contactCount} contact${entry.contactCount === 1 ? '' : 's'}</span>
      <span class="chip">${channelLabel(entry.channel)}</span>
      <span class="chip">${entry.language}</span>
      <span class="chip">${entry.tier ?? 'no tier'}</span>
      ${entry.urgent ? html`<span class="chip warn">urgent</span>` : null}
      ${entry.verified ? html`<span class="chip ok">verified</span>` : html`<span class="chip">unverified</span>`}
      <span class="wait" title="waiting time">${waitingFor(entry.waitingSince ?? entry.receivedAt, nowMs)}</span>
    </div>
    <div class="entry-body">
      <button class="link" type="button" onClick=${() => props.onCase(entry.caseNumber)}>${entry.caseNumber}</button>
      <span class="muted"> ${entry.customerName ?? entry.customerAddress} · ${topicLabel(entry.topic)} · ${stay(entry.checkIn, entry.checkOut)}</span>
      <p class="summary">${entry.summary}</p>
      <ul class="reasons">${entry.reasons.map((r) => html`<li>${r}</li>`)}</ul>
    </div>
  </li>`;
}

function Queue(props: {
  team: TeamStatus | undefined;
  id: string;
  entries: readonly QueueEntryView[];
  nowMs: number;
  onCase: (n: string) => void;
  onTake: (queue: string) => void;
}) {
  const { team, id, entries } = props;
  return html`<section class="card queue" data-queue=${id}>
    <header class="queue-head">
      <h3>${id}</h3>
      <span class="muted">${entries.length} waiting</span>
      ${team ? html`<span class=${`state ${team.open ? 'open' : 'closed'}`} title=${team.reason}>${team.open ? 'open' : 'closed'}</span>` : null}
      <button type="button" class="small" disabled=${entries.length === 0} onClick=${() => props.onTake(id)}>Take next</button>
    </header>
    ${
      entries.length === 0
        ? html`<p class="muted empty">Nobody waiting.</p>`
        : html`<ol class="entries">${entries.map((e) => html`<${Entry} key=${e.caseNumber} entry=${e} nowMs=${props.nowMs} onCase=${props.onCase} />`)}</ol>`
    }
  </section>`;
}

/** The waiting lists, one entry per case in serving order, with why every case sits where it sits. */
export function QueuesView(props: { data: ConsoleData; onCase: (n: string) => void; onChanged: () => void }) {
  const nowMs = useTick(1000) + props.data.clockOffsetMs;
  const [error, setError] = useState<string | undefined>();
  const { queues, teams } = props.data;
  const busy = Object.keys(queues).filter((q) => (queues[q]?.length ?? 0) > 0);
  const idle = teams.filter((t) => !busy.includes(t.id));
  const take = (queue: string) => {
    setError(undefined);
    postJson(`/api/queues/${encodeURIComponent(queue)}/take`, { agent: agentName() }).then(
      props.onChanged,
      (e: Error) => setError(e.message),
    );
  };
  return html`<div class="stack">
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    ${busy.length === 0 ? html`<p class="muted">No contact is waiting. Send one from the try-it panel.</p>` : null}
    ${busy.map(
      (id) =>
        html`<${Queue} key=${id} id=${id} team=${teams.find((t) => t.id === id)} entries=${queues[id] ?? []}
          nowMs=${nowMs} onCase=${props.onCase} onTake=${take} />`,
    )}
    ${idle.length > 0 ? html`<p class="muted">Empty: ${idle.map((t) => t.id).join(', ')}</p>` : null}
  </div>`;
}
