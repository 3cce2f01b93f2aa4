/**
 * Waits a random while before a lost optimistic write is tried again ("full jitter": a random time up
 * to a cap that doubles each round). Writers racing on one case then spread out instead of re-reading
 * it in lockstep, where each round only one of them can win.
 */
export function backOff(round: number, capMs = 64): Promise<void> {
  const ms = Math.random() * Math.min(capMs, 2 ** round);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
