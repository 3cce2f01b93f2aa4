/// <reference lib="dom" />
import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../api';
import { agentName, channelLabel } from '../format';
import { html } from '../html';
import type { Channel, SentReply, TemplateForCase } from '../types';

const newKey = () => crypto.randomUUID();

/**
 * The agent's answer to the guest: free text or a canned template (filled for this case by the runtime,
 * refused when it needs a verified booking the case lacks), on the guest's latest channel or one they
 * used. A retry after an error keeps its Idempotency-Key, so the guest gets the message once.
 */
export function ReplyBox(props: {
  caseNumber: string;
  channels: readonly Channel[];
  onSent: (sent: SentReply) => void;
}) {
  const [templates, setTemplates] = useState<readonly TemplateForCase[]>([]);
  const [template, setTemplate] = useState('');
  const [variables, setVariables] = useState<Record<string, string>>({});
  const [text, setText] = useState('');
  const [channel, setChannel] = useState('');
  const [key, setKey] = useState(newKey);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    getJson<{ templates: TemplateForCase[] }>(
      `/api/templates?caseNumber=${encodeURIComponent(props.caseNumber)}`,
    ).then(
      (t) => setTemplates(t.templates),
      (e: Error) => setError(e.message),
    );
  }, [props.caseNumber]);
  const chosen = templates.find((t) => t.id === template);
  const send = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const body = chosen
      ? { agent: agentName(), template: chosen.id, ...(chosen.fromAgent.length ? { variables } : {}) }
      : { agent: agentName(), text };
    const response = await fetch(`/api/cases/${encodeURIComponent(props.caseNumber)}/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': key },
      body: JSON.stringify(channel ? { ...body, channel } : body),
    }).catch((failure: Error) => failure);
    setBusy(false);
    if (response instanceof Error) return setError(`not sent, try again: ${response.message}`);
    const answer = (await response.json().catch(() => ({}))) as SentReply & { error?: string };
    if (!response.ok) {
      // A message deliver did not send will never go under this key: a new attempt needs a new one.
      if ((answer as { code?: string }).code === 'not_delivered') setKey(newKey());
      return setError(answer.error ?? `HTTP ${response.status}`);
    }
    setError(undefined);
    setText('');
    setTemplate('');
    setVariables({});
    setKey(newKey());
    props.onSent(answer);
  };
  return html`<form class="reply-box" data-reply-box onSubmit=${send}>
    <div class="entry-head">
      <label>Template
        <select aria-label="template" value=${template} onChange=${(e: Event) => setTemplate((e.target as HTMLSelectElement).value)}>
          <option value="">Free text</option>
          ${templates.map((t) => html`<option value=${t.id} disabled=${!t.forCase.ok && t.forCase.reason === 'needs_verified_booking'}>${t.id.replace(/_/g, ' ')}${t.forCase.ok ? '' : ' (needs a verified booking)'}</option>`)}
        </select>
      </label>
      <label>Channel
        <select aria-label="channel" value=${channel} onChange=${(e: Event) => setChannel((e.target as HTMLSelectElement).value)}>
          <option value="">latest the guest used</option>
          ${props.channels.map((c) => html`<option value=${c}>${channelLabel(c)}</option>`)}
        </select>
      </label>
    </div>
    ${
      chosen
        ? html`<p class="reply-text" data-template-preview>${chosen.forCase.ok ? chosen.forCase.text : chosen.forCase.message}</p>
          ${chosen.fromAgent.map(
            (name) => html`<input aria-label=${name} placeholder=${name} value=${variables[name] ?? ''}
              onInput=${(e: Event) => setVariables({ ...variables, [name]: (e.target as HTMLInputElement).value })} />`,
          )}`
        : html`<textarea aria-label="reply to the guest" rows="3" placeholder="Reply to the guest (sent to them)" value=${text}
            onInput=${(e: Event) => setText((e.target as HTMLTextAreaElement).value)}></textarea>`
    }
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    <button type="submit" class="small" data-action="reply" disabled=${busy || (!chosen && text.trim() === '')}>Send to guest</button>
  </form>`;
}
