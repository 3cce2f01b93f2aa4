import { FreshReading } from '../fresh-reading';
import type { Clock } from '../ports';
import type { WaitingCounts } from './shed';

/** Port: how many cases wait in each queue now (the local waiting lists; Connect's contacts in queue). */
export interface QueueLoad {
  waitingCases(): Promise<WaitingCounts>;
}

// A queue's load moves slowly next to a contact's life: a few seconds old is as good as now.
const FRESH_FOR_MS = 5_000;

/**
 * The waiting counts read at most once every few seconds per process and shared by concurrent
 * contacts, so shedding costs a contact no extra read most of the time (as ActiveIncidents does).
 */
export class CachedQueueLoad implements QueueLoad {
  private readonly counts: FreshReading<WaitingCounts>;

  constructor(source: QueueLoad, clock: Clock, freshForMs = FRESH_FOR_MS) {
    this.counts = new FreshReading(() => source.waitingCases(), clock, freshForMs);
  }

  waitingCases(): Promise<WaitingCounts> {
    return this.counts.get();
  }
}
