/** A window of a per-sender rate limit: one counter per sender and window. */
export interface RateWindow {
  /** ISO start of the window. */
  readonly start: string;
  /** When the counter may be forgotten (also the DynamoDB TTL). */
  readonly expiresAt: string;
}

/** The clock hour `now` falls in; its counter is kept an hour past its end, then may be forgotten. */
export function hourWindow(now: Date): RateWindow {
  const start = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  return { start: start.toISOString(), expiresAt: new Date(start.getTime() + 2 * 3_600_000).toISOString() };
}
