/// <reference lib="dom" />
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { html } from './html';
import { useConsoleData } from './use-console-data';
import { CaseDetailView } from './views/case-detail';
import { CasesView } from './views/cases';
import { IncidentsView } from './views/incidents';
import { OutboxView } from './views/outbox';
import { PolicyView } from './views/policy';
import { QueuesView } from './views/queues';
import { SatisfactionSummary } from './views/satisfaction';
import { TryItPanel } from './views/try-it';

type Tab = 'queues' | 'cases' | 'outbox' | 'incidents' | 'policy';

function App() {
  const { data, live, refresh } = useConsoleData();
  const [tab, setTab] = useState<Tab>('queues');
  const [openCase, setOpenCase] = useState<string | undefined>();
  const [shownIncident, setShownIncident] = useState<string | undefined>();
  const waiting = Object.values(data.queues).reduce((n, list) => n + list.length, 0);
  const open = data.teams.filter((t) => t.open).length;
  const tabs: [Tab, string][] = [
    ['queues', `Queues (${waiting})`],
    ['cases', `Cases (${data.cases.length})`],
    ['outbox', 'Outbox'],
    ['incidents', 'Incidents'],
    ['policy', `Policy (${open}/${data.teams.length} open)`],
  ];
  const showCase = (n: string) => setOpenCase(n);
  const showIncident = (id: string) => {
    setOpenCase(undefined);
    setShownIncident(id);
    setTab('incidents');
  };
  return html`<div class="app">
    <header class="top">
      <h1>Contact router</h1>
      <span class=${`live ${live ? 'on' : 'off'}`} aria-live="polite">${live ? 'live' : 'reconnecting…'}</span>
      <a class="jump" href="#try">Try it</a>
    </header>
    <nav class="tabs" role="tablist">
      ${tabs.map(
        ([id, label]) => html`<button type="button" role="tab" aria-selected=${tab === id} data-tab=${id}
          class=${tab === id ? 'tab on' : 'tab'} onClick=${() => {
            setTab(id);
            setOpenCase(undefined);
          }}>${label}</button>`,
      )}
    </nav>
    <div class="layout">
      <main>
        ${openCase ? html`<${CaseDetailView} caseNumber=${openCase} revision=${data.revision} onClose=${() => setOpenCase(undefined)} onChanged=${refresh} />` : null}
        ${!data.loaded ? html`<p class="muted">Loading…</p>` : null}
        ${data.loaded && tab === 'queues' ? html`<${QueuesView} data=${data} onCase=${showCase} onChanged=${refresh} />` : null}
        ${data.loaded && tab === 'cases' ? html`<${SatisfactionSummary} summary=${data.satisfaction} /><${CasesView} cases=${data.cases} onCase=${showCase} />` : null}
        ${data.loaded && tab === 'outbox' ? html`<${OutboxView} messages=${data.outbox} onCase=${showCase} onIncident=${showIncident} />` : null}
        ${data.loaded && tab === 'incidents' ? html`<${IncidentsView} revision=${data.revision} shown=${shownIncident} />` : null}
        ${data.loaded && tab === 'policy' ? html`<${PolicyView} teams=${data.teams} />` : null}
      </main>
      <aside><${TryItPanel} onSent=${refresh} onCase=${showCase} /></aside>
    </div>
  </div>`;
}

const root = document.getElementById('app');
if (root) {
  root.textContent = ''; // the “Loading…” placeholder is not Preact's to keep
  render(html`<${App} />`, root);
}
