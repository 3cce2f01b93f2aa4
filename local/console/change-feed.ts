// One intake is several writes; pages hear of them together, once the burst is over.
const SETTLE_MS = 40;

/**
 * Tells open console pages that the data changed, by long poll: a page asks "anything after version
 * N?" and the answer comes as soon as there is, or after a timeout with the same version.
 */
export class ChangeFeed {
  // Starts at the clock so a page that outlived a runtime restart never waits on a stale number.
  private version = Date.now();
  private readonly waiters = new Set<() => void>();
  private settling: NodeJS.Timeout | undefined;

  constructor(private readonly settleMs = SETTLE_MS) {}

  /** The current version. */
  get current(): number {
    return this.version;
  }

  /** Something changed: wake every waiting page once the current burst of changes settles. */
  changed(): void {
    if (this.settling) return;
    this.settling = setTimeout(() => {
      this.settling = undefined;
      this.version += 1;
      this.wakeAll();
    }, this.settleMs);
    this.settling.unref();
  }

  /** Resolves with the version once it differs from `seen`, or after `timeoutMs` with the same one. */
  wait(seen: number, timeoutMs: number): Promise<number> {
    if (seen !== this.version) return Promise.resolve(this.version);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timeout);
        this.waiters.delete(wake);
        resolve(this.version);
      };
      const timeout = setTimeout(wake, timeoutMs);
      timeout.unref();
      this.waiters.add(wake);
    });
  }

  private wakeAll(): void {
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiting) wake();
  }
}
