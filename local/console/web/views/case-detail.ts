/// <reference lib="dom" />
import { useEffect, useRef, useState } from 'preact/hooks';
import { getJson, postJson } from '../api';
import { channelLabel, instant } from '../format';
import { html } from '../html';
import type { CaseDetail, ContactRecord } from '../types';

function Contact(props: { contact: ContactRecord }) {
  const c = props.contact;
  return html`<li class="contact">
    <div class="entry-head">
      <span class="chip">${channelLabel(c.channel)}</span>
      <span class="chip">${c.classification.language}</span>
      <span class="chip">${c.classification.topic}</span>
      <span class="chip">${c.verification}</span>
      <span class="chip">${c.decision.queue} · P${c.decision.priority}</span>
      <span class="muted">${instant(c.receivedAt)}</span>
    </div>
    <p class="muted">from ${c.from}${c.subject ? ` · “${c.subject}”` : ''}</p>
    <blockquote class="message">${c.text || '(nothing said)'}</blockquote>
    <ul class="reasons">${c.decision.reasons.map((r) => html`<li>${r}</li>`)}</ul>
    ${c.reply ? html`<div class="reply"><span class="muted">answered (${c.reply.delivery}, ${c.reply.language}):</span><p>${c.reply.text}</p></div>` : null}
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
  const resolve = () =>
    postJson(`/api/cases/${encodeURIComponent(props.caseNumber)}/resolve`).then(props.onChanged, (e: Error) =>
      setError(e.message),
    );
  const kase = detail?.case;
  return html`<section ref=${top} class="card case-detail" data-case-detail=${props.caseNumber} aria-label=${`case ${props.caseNumber}`}>
    <header class="queue-head">
      <h3>${props.caseNumber}</h3>
      ${kase ? html`<span class=${`chip ${kase.status === 'open' ? 'ok' : ''}`}>${kase.status}</span>` : null}
      ${kase?.status === 'open' ? html`<button type="button" class="small" onClick=${resolve}>Resolve</button>` : null}
      <button type="button" class="small" onClick=${props.onClose} aria-label="close the case">Close</button>
    </header>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    ${
      kase
        ? html`<p class="muted">${kase.queue} · P${kase.priority} · ${kase.topic} · ${kase.language} · ${kase.bookingRef ?? 'no booking'} · owner ${kase.ownerKey}</p>
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
