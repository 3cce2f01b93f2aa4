/** Reads something cheap that changes whenever a contact arrives (newest outbox entry, newest case). */
export type ChangeProbe = () => Promise<string>;

const PROBE_EVERY_MS = 1000;

/**
 * Tells open console pages that the data may have changed, by long poll: a page asks "anything after
 * version N?" and the answer comes as soon as there is, or after a timeout with the same version.
 * Writes through the local HTTP API bump the version at once; a probe run only while pages wait catches
 * what arrives by other ways (the SMTP door, hand-off retries).
 */
export class ChangeFeed {
  // Starts at the clock so a page that outlived a runtime restart never waits on a stale number.
  private version = Date.now();
  private readonly waiters = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private lastSeen: string | undefined;

  constructor(
    private readonly probe: ChangeProbe,
    private readonly probeEveryMs = PROBE_EVERY_MS,
  ) {}

  /** The current version. */
  get current(): number {
    return this.version;
  }

  /** Something changed: wake every waiting page. */
  bump(): void {
    this.version += 1;
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiting) wake();
  }

  /** Resolves with the version once it differs from `seen`, or after `timeoutMs` with the same one. */
  wait(seen: number, timeoutMs: number): Promise<number> {
    if (seen !== this.version) return Promise.resolve(this.version);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timeout);
        this.waiters.delete(wake);
        if (this.waiters.size === 0) this.stopProbing();
        resolve(this.version);
      };
      const timeout = setTimeout(wake, timeoutMs);
      timeout.unref();
      this.waiters.add(wake);
      this.startProbing();
    });
  }

  /** Stops probing and answers every waiting page now (the runtime is closing). */
  close(): void {
    this.stopProbing();
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiting) wake();
  }

  private startProbing(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.probeOnce(), this.probeEveryMs);
    this.timer.unref();
  }

  private stopProbing(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async probeOnce(): Promise<void> {
    let seen: string;
    try {
      seen = await this.probe();
    } catch {
      return; // a store that cannot answer now is asked again on the next beat
    }
    const before = this.lastSeen;
    this.lastSeen = seen;
    if (before !== undefined && before !== seen) this.bump();
  }
}
