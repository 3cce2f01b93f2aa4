/// <reference lib="dom" />
import { html } from '../html';
import type { CsatSummary } from '../types';

type Figures = CsatSummary['overall'];

const line = (label: string, f: Figures) =>
  html`<li data-csat=${label}><strong>${label}</strong> ${f.csat ?? '–'}% satisfied · average ${f.average ?? '–'}/5 · ${f.answers} answer${f.answers === 1 ? '' : 's'}</li>`;

/** CSAT (share of 4–5 scores), average score and answers: overall, per queue and per language. */
export function SatisfactionSummary(props: { summary: CsatSummary | undefined }) {
  const s = props.summary;
  if (!s || s.overall.answers === 0)
    return html`<p class="muted" data-csat-summary>No survey answer yet.</p>`;
  return html`<section class="card" data-csat-summary aria-label="satisfaction">
    <h3>Satisfaction</h3>
    <ul class="reasons">${line('all', s.overall)}</ul>
    <h4>Per queue</h4>
    <ul class="reasons">${Object.entries(s.byQueue).map(([queue, f]) => line(queue, f))}</ul>
    <h4>Per language</h4>
    <ul class="reasons">${Object.entries(s.byLanguage).map(([language, f]) => line(language, f))}</ul>
  </section>`;
}
