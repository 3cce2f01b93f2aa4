/// <reference lib="dom" />
import { useState } from 'preact/hooks';
import { LANGUAGES } from '../../../../functions/domain/languages';
import { postJson } from '../api';
import { DEMO_GUESTS } from '../demo-guests';
import { html } from '../html';
import type { TryResult } from '../types';

type Kind = 'sms' | 'whatsapp' | 'telegram' | 'email' | 'call';

const KINDS: readonly [Kind, string][] = [
  ['sms', 'SMS'],
  ['whatsapp', 'WhatsApp'],
  ['telegram', 'Telegram'],
  ['email', 'Email'],
  ['call', 'Call'],
];

// Each demo guest gets a Telegram account of their own (ids of new accounts pass 32 bits).
const TELEGRAM_IDS_FROM = 5_123_456_789;

interface Form {
  kind: Kind;
  guest: number;
  from: string;
  text: string;
  subject: string;
  bookingRef: string;
  pin: string;
  language: string;
  /** Telegram: the guest's phone, shared with the contact button when `share` is on. */
  phone: string;
  share: boolean;
}

function fromGuest(kind: Kind, index: number, previous?: Form): Form {
  const guest = DEMO_GUESTS[index] ?? DEMO_GUESTS[0];
  return {
    kind,
    guest: index,
    from:
      kind === 'telegram'
        ? String(TELEGRAM_IDS_FROM + index)
        : ((kind === 'email' ? guest?.email : guest?.phone) ?? ''),
    text: previous?.text || guest?.sample || '',
    subject: previous?.subject ?? 'Question about my booking',
    bookingRef: guest?.bookingRef ?? '',
    pin: guest?.pin ?? '',
    language: guest?.language ?? 'en',
    phone: guest?.phone ?? '',
    share: false,
  };
}

function requestOf(form: Form): [string, unknown] {
  if (form.kind === 'email')
    return ['/api/try/email', { from: form.from, subject: form.subject, text: form.text }];
  if (form.kind === 'telegram')
    return [
      '/api/try/telegram',
      {
        userId: form.from,
        firstName: (DEMO_GUESTS[form.guest]?.name ?? 'Guest').split(' ')[0],
        language: form.language,
        text: form.text,
        sharePhone: form.share ? form.phone : undefined,
      },
    ];
  if (form.kind === 'call')
    return [
      '/api/try/call',
      {
        from: form.from,
        language: form.language,
        said: form.text,
        bookingRef: form.bookingRef,
        pin: form.pin,
      },
    ];
  return ['/api/try/sms', { channel: form.kind, from: form.from, text: form.text }];
}

function Result(props: { result: TryResult; onCase: (n: string) => void }) {
  const r = props.result;
  return html`<div class="result" role="status" data-result-contact=${r.contactId}>
    <p class="muted">via ${r.via}</p>
    ${r.note ? html`<p class="muted">door said: ${r.note}</p>` : null}
    ${r.caseNumber ? html`<p>Case <button class="link" type="button" data-result-case=${r.caseNumber} onClick=${() => props.onCase(r.caseNumber ?? '')}>${r.caseNumber}</button> → ${r.queue} · P${r.priority}</p>` : null}
    ${r.reply ? html`<p class="muted">The guest got:</p><blockquote class="message">${r.reply}</blockquote>` : html`<p class="muted">No answer was sent.</p>`}
    ${r.transcript?.length ? html`<ol class="transcript">${r.transcript.map((line) => html`<li>${line}</li>`)}</ol>` : null}
  </div>`;
}

/** Send an SMS, a WhatsApp or Telegram message or an email, or place a call, as a guest would. */
export function TryItPanel(props: { onSent: () => void; onCase: (n: string) => void }) {
  const [form, setForm] = useState<Form>(() => fromGuest('sms', 0));
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<TryResult | undefined>();
  const [error, setError] = useState<string | undefined>();
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  const submit = (e: Event) => {
    e.preventDefault();
    setSending(true);
    setError(undefined);
    const [path, body] = requestOf(form);
    postJson<TryResult>(path, body)
      .then((r) => {
        setResult(r);
        props.onSent();
      })
      .catch((err: Error) => setError(err.message))
      .finally(() => setSending(false));
  };
  const phoneKind = form.kind !== 'email' && form.kind !== 'telegram';
  const fromLabel =
    form.kind === 'telegram' ? 'Telegram user id' : phoneKind ? 'From (phone)' : 'From (email)';
  return html`<section class="card try" id="try" aria-label="try it">
    <h2>Try it as a guest</h2>
    <form onSubmit=${submit}>
      <div class="kinds" role="radiogroup" aria-label="channel">
        ${KINDS.map(
          ([kind, label]) => html`<label class=${form.kind === kind ? 'kind on' : 'kind'}>
            <input type="radio" name="kind" value=${kind} checked=${form.kind === kind}
              onChange=${() => setForm(fromGuest(kind, form.guest, form))} />${label}</label>`,
        )}
      </div>
      <label>Guest
        <select name="guest" value=${form.guest} onChange=${(e: Event) => setForm(fromGuest(form.kind, Number(value(e)), undefined))}>
          ${DEMO_GUESTS.map((g, i) => html`<option value=${i}>${g.name}</option>`)}
        </select>
      </label>
      <label>${fromLabel}
        <input name="from" type=${phoneKind ? 'tel' : form.kind === 'telegram' ? 'text' : 'email'} inputmode=${form.kind === 'telegram' ? 'numeric' : undefined} value=${form.from} required onInput=${(e: Event) => set({ from: value(e) })} />
      </label>
      ${
        form.kind === 'telegram'
          ? html`<label>App language
            <select name="language" value=${form.language} onChange=${(e: Event) => set({ language: value(e) })}>
              ${LANGUAGES.map((l) => html`<option value=${l}>${l}</option>`)}
            </select></label>
          <label class="check"><input type="checkbox" name="share" checked=${form.share}
            onChange=${(e: Event) => set({ share: (e.currentTarget as HTMLInputElement).checked })} />
            Press “share my phone number” (sends the guest’s own contact)</label>
          ${form.share ? html`<label>Phone shared<input name="phone" type="tel" value=${form.phone} onInput=${(e: Event) => set({ phone: value(e) })} /></label>` : null}`
          : null
      }
      ${form.kind === 'email' ? html`<label>Subject<input name="subject" value=${form.subject} onInput=${(e: Event) => set({ subject: value(e) })} /></label>` : null}
      ${
        form.kind === 'call'
          ? html`<label>Dials the line of
            <select name="language" value=${form.language} onChange=${(e: Event) => set({ language: value(e) })}>
              ${LANGUAGES.map((l) => html`<option value=${l}>${l}</option>`)}
            </select></label>
          <div class="pair">
            <label>Booking (keypad)<input name="bookingRef" inputmode="numeric" value=${form.bookingRef} onInput=${(e: Event) => set({ bookingRef: value(e) })} /></label>
            <label>PIN (keypad)<input name="pin" inputmode="numeric" value=${form.pin} onInput=${(e: Event) => set({ pin: value(e) })} /></label>
          </div>`
          : null
      }
      <label>${form.kind === 'call' ? 'What the caller says' : 'Message'}
        <textarea name="text" rows="3" required=${form.kind !== 'call' && !(form.kind === 'telegram' && form.share)} onInput=${(e: Event) => set({ text: value(e) })} value=${form.text}></textarea>
      </label>
      <button type="submit" class="primary" disabled=${sending}>${sending ? 'Sending…' : form.kind === 'call' ? 'Place the call' : 'Send'}</button>
    </form>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    ${result ? html`<${Result} result=${result} onCase=${props.onCase} />` : null}
  </section>`;
}
