/// <reference lib="dom" />
import { useEffect, useRef, useState } from 'preact/hooks';
import { getJson, postJson } from '../api';
import { agentName, channelLabel, dueText, instant, topicLabel } from '../format';
import { html } from '../html';
import type { CaseDetail, Channel, ContactRecord, MessageView } from '../types';
import { GuestMessages, SatisfactionChip } from './guest-messages';
import { ReplyBox } from './reply-box';

function Contact(props: { contact: ContactRecord }) {
  const c = props.contact;
  return html`<li class="contact">
    <div class="entry-head">
      <span class="chip">${channelLabel(c.channel)}</span>
      <span class="chip">${c.classification.language}</span>
      <span class="chip">${topicLabel(c.classification.topic)}</span>
      <span class="chip">${c.verification}</span>
      <span class="chip">${c.decision.queue} · P${c.decision.priority}</span>
      <span class="muted">${instant(c.receivedAt)}</span>
    </div>
    <p class="muted">from ${c.from}${c.subject ? ` · “${c.subject}”` : ''}</p>
    <blockquote class="message">${c.text || '(nothing said)'}</blockquote>
    <ul class="reasons">${c.decision.reasons.map((r) => html`<li>${r}</li>`)}</ul>
    ${c.reply ? html`<div class="reply"><span class="muted">answered (${c.reply.delivery ?? c.reply.reason ?? 'not yet'}, ${c.reply.language}):</span><p>${c.reply.text}</p></div>` : null}
  </li>`;
}

/** One case: its timeline across channels and every contact on it with its decision and answer. */
export function CaseDetailView(props: {
  caseNumber: string;
  revision: number;
  onClose: () => void;
  onChanged: () => void;
}) {
  const [detail, setDetail] = useState<CaseDetail | undefined>();
  const [error, setError] = useState<string | undefined>();
  const top = useRef<HTMLElement>(null);
  // On a phone the case opens above the list it was chosen from: bring it into view.
  useEffect(() => top.current?.scrollIntoView({ block: 'nearest' }), [props.caseNumber]);
  useEffect(() => {
    let current = true;
    getJson<CaseDetail>(`/api/cases/${encodeURIComponent(props.caseNumber)}`).then(
      (d) => {
        if (!current) return;
        setDetail(d);
        setError(undefined);
      },
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [props.caseNumber, props.revision]);
  const [note, setNote] = useState('');
  // Delivery statuses answered to this console's sends, until the runtime lists them itself.
  const [sentHere, setSentHere] = useState<ReadonlyMap<string, MessageView>>(new Map());
  const known = new Map([...sentHere, ...(detail?.messages ?? []).map((m) => [m.id, m] as const)]);
  const channels = [...new Set(detail?.contacts.map((c) => c.channel) ?? [])] as Channel[];
  // Every action answers the case after it, or a refusal (409) whose reason is shown as it is.
  const act = (action: string, extra: Record<string, string> = {}) =>
    postJson(`/api/cases/${encodeURIComponent(props.caseNumber)}/${action}`, {
      agent: agentName(),
      ...extra,
    }).then(
      () => {
        setError(undefined);
        if (action === 'notes') setNote('');
        props.onChanged();
      },
      (e: Error) => setError(e.message),
    );
  const kase = detail?.case;
  const status = kase?.status === 'open' ? 'waiting' : kase?.status;
  const active =
    status === 'new' || status === 'waiting' || status === 'with_agent' || status === 'pending_guest';
  const nowMs = Date.now();
  const button = (action: string, label: string) =>
    html`<button type="button" class="small" data-action=${action} onClick=${() => act(action)}>${label}</button>`;
  return html`<section ref=${top} class="card case-detail" data-case-detail=${props.caseNumber} aria-label=${`case ${props.caseNumber}`}>
    <header class="queue-head">
      <h3>${props.caseNumber}</h3>
      ${kase ? html`<span class=${`chip ${active ? 'ok' : ''}`} data-status=${status}>${status?.replace('_', ' ')}</span>` : null}
      ${kase?.agentId ? html`<span class="chip">agent ${kase.agentId}</span>` : null}
      ${kase ? html`<${SatisfactionChip} kase=${kase} />` : null}
      ${status === 'with_agent' ? button('pending', 'Waiting for guest') : null}
      ${active ? button('resolve', 'Resolve') : null}
      ${status === 'resolved' ? button('reopen', 'Reopen') : null}
      <button type="button" class="small" onClick=${props.onClose} aria-label="close the case">Close</button>
    </header>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    ${
      kase
        ? html`<p class="muted">${kase.queue} · P${kase.priority} · ${topicLabel(kase.topic)} · ${kase.language} · ${kase.bookingRef ?? 'no booking'} · owner ${kase.ownerKey}${kase.linkedCase ? ` · follows ${kase.linkedCase}` : ''}</p>
          <p class="muted">${dueBadges(kase, nowMs)}</p>
          <form class="note" onSubmit=${(e: Event) => {
            e.preventDefault();
            if (note.trim()) act('notes', { text: note });
          }}>
            <input aria-label="internal note" placeholder="Internal note (never sent to the guest)" value=${note}
              onInput=${(e: Event) => setNote((e.target as HTMLInputElement).value)} />
            <button type="submit" class="small" data-action="notes">Add note</button>
          </form>
          ${
            active
              ? html`<${ReplyBox} caseNumber=${props.caseNumber} channels=${channels} onSent=${(sent: {
                  message?: MessageView;
                }) => {
                  const message = sent.message;
                  if (message) setSentHere(new Map([...sentHere, [message.id, message]]));
                  props.onChanged();
                }} />`
              : null
          }
          <${GuestMessages} kase=${kase} known=${known} />
          <h4>Timeline</h4>
          <ol class="timeline">${kase.timeline.map(
            (e) =>
              html`<li><span class="muted">${instant(e.at)}</span> ${e.type}${e.channel ? ` · ${channelLabel(e.channel)}` : ''}${e.note ? ` · ${e.note}` : ''}</li>`,
          )}</ol>
          <h4>Contacts</h4>
          <ol class="entries">${detail?.contacts.map((c) => html`<${Contact} key=${c.id} contact=${c} />`)}</ol>`
        : html`<p class="muted">Loading…</p>`
    }
  </section>`;
}

function dueBadges(kase: CaseDetail['case'], nowMs: number) {
  const first = kase.firstResponseAt ? undefined : dueText(kase.firstResponseDueAt, nowMs);
  const resolution = kase.resolvedAt ? undefined : dueText(kase.resolutionDueAt, nowMs);
  const badge = (
    label: string,
    due: { text: string; late: boolean } | undefined,
    breached: boolean | undefined,
  ) =>
    due || breached
      ? html`<span class=${`chip ${due?.late || breached ? 'warn' : ''}`} data-due=${label}>${label} ${due?.text ?? 'missed'}</span> `
      : null;
  return html`${badge('first response', first, kase.breaches?.firstResponse)}${badge('resolution', resolution, kase.breaches?.resolution)}`;
}
