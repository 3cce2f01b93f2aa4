import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the stand-in received it. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The form body, every field with all its values, in the order sent. */
  readonly form: readonly (readonly [string, string])[];
}

/** What the stand-in answers next: a status and a JSON body (or raw text). */
export interface CannedAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * A node:http server standing in for api.twilio.com: it records each request and answers with the next
 * canned answer (the last one again when the queue runs dry). No network leaves the machine.
 */
export interface TwilioApiStandIn {
  readonly url: string;
  readonly received: ReceivedRequest[];
  answer(...answers: CannedAnswer[]): void;
  close(): Promise<void>;
}

/** Starts the stand-in on a free local port. */
export async function startTwilioApiStandIn(): Promise<TwilioApiStandIn> {
  const received: ReceivedRequest[] = [];
  let queue: CannedAnswer[] = [];
  let last: CannedAnswer = { status: 500, body: { message: 'no answer prepared' } };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        form: [...new URLSearchParams(text)],
      });
      last = queue.shift() ?? last;
      const body = typeof last.body === 'string' ? last.body : JSON.stringify(last.body);
      res.writeHead(last.status, { 'content-type': 'application/json' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer(...answers) {
      queue = [...answers];
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
