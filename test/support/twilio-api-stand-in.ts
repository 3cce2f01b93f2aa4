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
  /**
   * Answers each request with what `respond` says instead of the canned queue (undefined: back to the
   * queue); "no_answer" holds the request unanswered until the client gives up (a timeout).
   */
  respondWith(respond: ((request: ReceivedRequest) => CannedAnswer | 'no_answer') | undefined): void;
  close(): Promise<void>;
}

/** Starts the stand-in on a free local port. */
export async function startTwilioApiStandIn(): Promise<TwilioApiStandIn> {
  const received: ReceivedRequest[] = [];
  let queue: CannedAnswer[] = [];
  let last: CannedAnswer = { status: 500, body: { message: 'no answer prepared' } };
  let respond: ((request: ReceivedRequest) => CannedAnswer | 'no_answer') | undefined;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        form: [...new URLSearchParams(text)],
      };
      received.push(request);
      if (!respond) last = queue.shift() ?? last;
      const answer = respond ? respond(request) : last;
      if (answer === 'no_answer') return;
      const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      res.writeHead(answer.status, { 'content-type': 'application/json' });
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
    respondWith(handler) {
      respond = handler;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Twilio's answer to a Messages create (201): the Message resource as the Messages reference lists it. */
export function createdMessage(sid: string, to: string, from: string, status = 'queued'): CannedAnswer {
  const account = 'AC0123456789abcdef0123456789abcdef';
  return {
    status: 201,
    body: {
      account_sid: account,
      api_version: '2010-04-01',
      body: 'Bonjour Camille, la clé est au coffre, code 4821.',
      date_created: 'Mon, 23 Nov 2026 21:10:01 +0000',
      date_sent: null,
      date_updated: 'Mon, 23 Nov 2026 21:10:01 +0000',
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from,
      messaging_service_sid: null,
      num_media: '0',
      num_segments: '1',
      price: null,
      price_unit: 'USD',
      sid,
      status,
      subresource_uris: { media: `/2010-04-01/Accounts/${account}/Messages/${sid}/Media.json` },
      to,
      uri: `/2010-04-01/Accounts/${account}/Messages/${sid}.json`,
    },
  };
}

/** Twilio's error answer: {"code", "message", "more_info", "status"} ("Twilio API responses"). */
export function twilioError(status: number, code: number, message: string): CannedAnswer {
  return { status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}
