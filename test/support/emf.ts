// The EMF lines a handler prints on stdout (CloudWatch reads metrics out of them), captured per act.
import { vi } from 'vitest';

/** One EMF record: the metric directive under `_aws`, the dimension and metric values beside it. */
export interface Emf {
  _aws: {
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: string }[];
    }[];
  };
  [key: string]: unknown;
}

/** Runs `act` and returns the EMF lines it printed on stdout, keyed by metric name. */
export async function emfOf(
  act: () => Promise<unknown>,
): Promise<{ lines: string[]; byMetric: Map<string, Emf> }> {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(
      ...String(chunk)
        .split('\n')
        .filter((l) => l.includes('"_aws"')),
    );
    return true;
  });
  try {
    await act();
  } finally {
    spy.mockRestore();
  }
  const byMetric = new Map<string, Emf>();
  for (const line of lines) {
    const emf = JSON.parse(line) as Emf;
    for (const m of emf._aws.CloudWatchMetrics[0]?.Metrics ?? []) byMetric.set(m.Name, emf);
  }
  return { lines, byMetric };
}
