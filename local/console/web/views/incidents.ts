/// <reference lib="dom" />
import { useEffect, useState } from 'preact/hooks';
import { getJson, postJson } from '../api';
import { instant } from '../format';
import { html } from '../html';

/** An incident as GET /api/incidents lists it (functions/domain/incidents/incident.ts, IncidentView). */
interface IncidentRow {
  readonly id: string;
  readonly title: string;
  readonly status: 'active' | 'resolved';
  readonly declaredAt: string;
  readonly priority: number;
  readonly notify: boolean;
  readonly matchedBookings: number;
  readonly bookingRefs: readonly string[];
  readonly counts: { readonly notified: number; readonly contacts: number; readonly openCases: number };
}

const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'zh', 'ru', 'id'];

function field(form: FormData, name: string): string | undefined {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? undefined : value;
}

// The form as the API takes it: empty criteria left out, so the runtime names what is missing.
function declarationOf(form: FormData) {
  const refs = field(form, 'bookingRefs')
    ?.split(/[\s,]+/)
    .filter(Boolean);
  return {
    title: field(form, 'title') ?? '',
    match: {
      property: field(form, 'property'),
      city: field(form, 'city'),
      checkInFrom: field(form, 'checkInFrom'),
      checkInTo: field(form, 'checkInTo'),
      bookingRefs: refs?.length ? refs : undefined,
    },
    message: { [String(form.get('language'))]: field(form, 'message') ?? '' },
    notify: form.get('notify') === 'on',
    priority: Number(form.get('priority')),
  };
}

/**
 * Declare an incident, watch its counts as guests are told and write in, resolve it. `shown` marks the
 * incident an outbox notice linked to.
 */
export function IncidentsView(props: { revision: number; shown?: string | undefined }) {
  const [incidents, setIncidents] = useState<readonly IncidentRow[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const reload = () =>
    getJson<{ incidents: IncidentRow[] }>('/api/incidents').then(
      (r) => setIncidents(r.incidents),
      (e: Error) => setError(e.message),
    );
  // Read again whenever the runtime reports a change (a guest wrote, a notice went out).
  useEffect(() => void reload(), [props.revision]);
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      await reload();
    }
  };
  const declare = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    void act(async () => {
      await postJson('/api/incidents', declarationOf(new FormData(form)));
      form.reset();
    });
  };
  const resolve = (id: string) => act(() => postJson(`/api/incidents/${encodeURIComponent(id)}/resolve`, {}));
  return html`<section data-incidents>
    <form class="card" data-declare onSubmit=${declare} aria-label="declare an incident">
      <h3>Declare an incident</h3>
      <label>Title <input name="title" required maxlength="200" /></label>
      <label>Property <input name="property" /></label>
      <label>City <input name="city" /></label>
      <label>Check-in from <input name="checkInFrom" type="date" /></label>
      <label>Check-in to <input name="checkInTo" type="date" /></label>
      <label>Booking numbers <input name="bookingRefs" placeholder="1000000016, 1000000024" /></label>
      <label>Language <select name="language">${LANGUAGES.map((l) => html`<option value=${l}>${l}</option>`)}</select></label>
      <label>Message to guests <textarea name="message" required maxlength="1000"></textarea></label>
      <label>Priority <select name="priority">${[1, 2, 3, 4, 5].map((p) => html`<option value=${p} selected=${p === 2}>${p}</option>`)}</select></label>
      <label><input name="notify" type="checkbox" /> Tell the affected guests now (paced)</label>
      <button type="submit" disabled=${busy}>Declare</button>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    </form>
    ${incidents.length === 0 ? html`<p class="muted">No incident declared.</p>` : null}
    <ul class="rows">
      ${incidents.map(
        (i) => html`<li key=${i.id} class=${i.id === props.shown ? 'row shown' : 'row'} data-incident=${i.id}
          data-status=${i.status} aria-current=${i.id === props.shown ? 'true' : undefined}>
          <div class="entry-head">
            <strong>${i.title}</strong>
            <span class="chip">${i.id}</span>
            <span class="chip">${i.status}</span>
            <span class="chip">priority ${i.priority}</span>
            <span class="muted">declared ${instant(i.declaredAt)}</span>
          </div>
          <p data-counts>${`${i.matchedBookings} bookings · ${i.counts.notified} notified · ${i.counts.contacts} contacts · ${i.counts.openCases} open cases`}</p>
          <p class="muted">${i.bookingRefs.slice(0, 20).join(', ')}${i.bookingRefs.length > 20 ? ' …' : ''}</p>
          ${i.status === 'active' ? html`<button type="button" disabled=${busy} onClick=${() => resolve(i.id)}>Resolve</button>` : null}
        </li>`,
      )}
    </ul>
  </section>`;
}
