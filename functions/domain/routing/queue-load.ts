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
  private reading: { readAt: number; counts: Promise<WaitingCounts> } | undefined;

  constructor(
    private readonly source: QueueLoad,
    private readonly clock: Clock,
    private readonly freshForMs = FRESH_FOR_MS,
  ) {}

  waitingCases(): Promise<WaitingCounts> {
    const now = this.clock.now().getTime();
    if (this.reading && now - this.reading.readAt < this.freshForMs && now >= this.reading.readAt)
      return this.reading.counts;
    const counts = this.source.waitingCases();
    const entry = { readAt: now, counts };
    this.reading = entry;
    // A failed read is not kept: the next contact tries again.
    counts.catch(() => {
      if (this.reading === entry) this.reading = undefined;
    });
    return counts;
  }
}
