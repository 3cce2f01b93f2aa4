// A node:http server standing in for api.telegram.org: it records each Bot API call and answers
// sendMessage as the Bot API documents it ({"ok":true,"result":<Message>}), or with the next canned
// failure. No network leaves the machine.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Bot API call as the stand-in received it. */
export interface BotApiCall {
  /** The path's token part, as sent (…/bot<token>/<method>). */
  readonly token: string;
  readonly method: string;
  readonly contentType: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: the JSON body is walked like the Bot API would walk it
  readonly body: Record<string, any>;
}

/** A canned answer: the HTTP status and the Bot API's JSON. */
export interface BotApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** The running stand-in. */
export interface TelegramApiStandIn {
  readonly url: string;
  readonly calls: BotApiCall[];
  /** Answers the next calls with these, in order; then success again. */
  fail(...answers: BotApiAnswer[]): void;
  close(): Promise<void>;
}

/** The Bot API's failure answer (https://core.telegram.org/bots/api#making-requests). */
export function botApiFailure(code: number, description: string, retryAfter?: number): BotApiAnswer {
  return {
    status: code,
    body: {
      ok: false,
      error_code: code,
      description,
      ...(retryAfter ? { parameters: { retry_after: retryAfter } } : {}),
    },
  };
}

/** Starts the stand-in on a free local port. */
export async function startTelegramApiStandIn(): Promise<TelegramApiStandIn> {
  const calls: BotApiCall[] = [];
  let failures: BotApiAnswer[] = [];
  let nextId = 100;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      let body: BotApiCall['body'] = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {}
      calls.push({
        token: match?.[1] ?? '',
        method: match?.[2] ?? '',
        contentType: req.headers['content-type'],
        body,
      });
      const failure = failures.shift();
      const answer = failure ?? {
        status: 200,
        body: {
          ok: true,
          result: {
            message_id: nextId++,
            from: { id: 7000000001, is_bot: true, first_name: 'Support', username: 'example_support_bot' },
            chat: { id: Number(body.chat_id), type: 'private' },
            date: 1795428000,
            text: body.text,
          },
        },
      };
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    fail(...answers) {
      failures = [...answers];
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
