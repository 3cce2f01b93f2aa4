import type { Clock } from './ports';

/**
 * A value read at most once every `freshForMs` per process and shared by concurrent callers, so the
 * contacts of a busy minute cost one read between them; a failed read is not kept (the next caller
 * tries again), and a clock set back reads again rather than trust a copy from its future.
 */
export class FreshReading<T> {
  private reading: { readAt: number; value: Promise<T> } | undefined;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly clock: Clock,
    private readonly freshForMs: number,
  ) {}

  /** The copy while fresh, else a new reading. */
  get(): Promise<T> {
    const now = this.clock.now().getTime();
    const kept = this.reading;
    if (kept && now >= kept.readAt && now - kept.readAt < this.freshForMs) return kept.value;
    const entry = { readAt: now, value: this.read() };
    this.reading = entry;
    entry.value.catch(() => {
      if (this.reading === entry) this.reading = undefined;
    });
    return entry.value;
  }

  /** Drops the copy: the next get() reads. */
  invalidate(): void {
    this.reading = undefined;
  }
}
