/// <reference lib="dom" />
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { getJson, watchChanges } from './api';
import type { Case, ConsoleData, CsatSummary, OutboxEntry, QueueEntryView, TeamStatus } from './types';

const EMPTY: ConsoleData = {
  queues: {},
  cases: [],
  outbox: [],
  teams: [],
  clockOffsetMs: 0,
  revision: 0,
  loaded: false,
};
// Teams open and close by the clock alone, so their states are read again even when nothing arrives.
const POLICY_EVERY_MS = 30_000;
// A flood of contacts must not turn into a flood of refreshes.
const MIN_REFRESH_GAP_MS = 250;

async function load(revision: number): Promise<ConsoleData> {
  const [queues, cases, outbox, policy, satisfaction] = await Promise.all([
    getJson<{ now: string; queues: Record<string, QueueEntryView[]> }>('/api/console/queues'),
    getJson<{ cases: Case[] }>('/api/cases?limit=50'),
    getJson<{ messages: OutboxEntry[] }>('/api/outbox?limit=50'),
    getJson<{ teams: TeamStatus[] }>('/api/policy/status'),
    getJson<CsatSummary>('/api/satisfaction'),
  ]);
  return {
    queues: queues.queues,
    cases: cases.cases,
    outbox: outbox.messages,
    teams: policy.teams,
    satisfaction,
    clockOffsetMs: Date.parse(queues.now) - Date.now(),
    revision,
    loaded: true,
  };
}

/** The console's data, read at once, again after every change the runtime reports, and every 30 s. */
export function useConsoleData(): { data: ConsoleData; live: boolean; refresh: () => void } {
  const [data, setData] = useState<ConsoleData>(EMPTY);
  const [live, setLive] = useState(true);
  const state = useRef({ running: false, again: false, revision: 0 });

  const refresh = useCallback(() => {
    const s = state.current;
    if (s.running) {
      s.again = true;
      return;
    }
    s.running = true;
    s.revision += 1;
    load(s.revision)
      .then(setData, () => setLive(false))
      .finally(() =>
        setTimeout(() => {
          s.running = false;
          if (s.again) {
            s.again = false;
            refresh();
          }
        }, MIN_REFRESH_GAP_MS),
      );
  }, []);

  useEffect(() => {
    const stop = new AbortController();
    refresh();
    void watchChanges(refresh, setLive, stop.signal);
    const timer = setInterval(refresh, POLICY_EVERY_MS);
    return () => {
      stop.abort();
      clearInterval(timer);
    };
  }, [refresh]);

  return { data, live, refresh };
}
