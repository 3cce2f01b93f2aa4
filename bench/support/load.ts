// Small load-generation helpers shared by the end-to-end benches.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The value at quantile q (0..1) of already sorted numbers. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/** Runs `task(i)` for i in [0, count) from `concurrency` workers; returns the wall time in ms. */
export async function pool(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return performance.now() - started;
}

/** Calls `op` from `concurrency` workers for `ms` milliseconds; returns completed calls per second. */
export async function throughput(
  op: (i: number) => Promise<unknown>,
  concurrency: number,
  ms: number,
): Promise<number> {
  let next = 0;
  let done = 0;
  const started = performance.now();
  const end = started + ms;
  const worker = async () => {
    while (performance.now() < end) {
      await op(next++);
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done / ((performance.now() - started) / 1000);
}

/** The transport's ceiling: a bare node:http server answering a POST with a few bytes, req/s. */
export async function helloWorldThroughput(concurrency: number, ms: number, body: string): Promise<number> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end('<Response/>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const rate = await throughput(
    async () => {
      const response = await fetch(url, { method: 'POST', body });
      await response.text();
    },
    concurrency,
    ms,
  );
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return rate;
}
